// The proxy parsers on input that is not theirs: garbage, empty and cut lines, other formats
// (including each other's), huge lines; and their registry entries.

#include <catch2/catch.hpp>

#include "proxy_test_util.hpp"

using namespace logdx;
using logdx::testing::field_of;
using logdx::testing::read_corpus_file;
using logdx::testing::run_line;
using logdx::testing::run_parser;

namespace {

constexpr std::string_view kProxyParsers[] = {"nginx-error", "nginx-access", "caddy-json",
                                              "caddy-console", "caddy-v1"};

}  // namespace

TEST_CASE("proxy parsers are registered with their kind, specificity and peelability", "[proxy]") {
  const auto registry = ParserRegistry::builtin();
  for (auto name : kProxyParsers) {
    INFO(name);
    const auto* entry = registry.find(name);
    REQUIRE(entry != nullptr);
    CHECK(entry->info.source == SourceKind::proxy);
    CHECK(entry->info.peelable);
    CHECK(entry->info.specificity > 10);  // above generic JSON
  }
  CHECK(registry.find("caddy-console")->info.specificity == 60);
  CHECK(registry.find("caddy-json")->info.specificity == 40);
}

TEST_CASE("proxy parsers refuse garbage, empty lines, cut prefixes and other formats", "[proxy]") {
  const std::string garbage("\x00\xff\xfe\x1b[31m\x80{\"\t[]", 14);
  const std::string_view lines[] = {
      "",
      garbage,
      "    ",
      // other envelopes
      "Mar  5 08:20:25 oc-gw-01 node[2301]: 2026-03-05T08:20:25.001+00:00 [gateway] ready",
      "2026-03-05T08:20:25.001+00:00 [gateway] listening on ws://127.0.0.1:18789",
      "caddy-1             | 2026-05-02T09:59:58.802078810Z {\"level\":\"info\"}",
      "[  123.456789] Out of memory: Killed process 2301 (node)",
      "0|openclaw  | 2026-03-05T08:20:25: PM2 log: App [openclaw:0] exited with code [1]",
      "{\"log\":\"x\\n\",\"stream\":\"stderr\",\"time\":\"2026-03-05T08:20:25.000000001Z\"}",
      // cut prefixes of the proxy formats
      "2026/03/05 08:20",
      "2026/03/05 08:20:25 [err",
      "2026/03/05 08:20:25 [error] 12#",
      "127.0.0.1 - - [05/Mar/2026:08:20",
      "127.0.0.1 - - [05/Mar/2026:08:20:25 +0000] \"GET / HTTP/1.1\" 50",
      "{\"level\":\"error\",\"ts\":17",
      "2026/03/05 08:20:25.123\tERR",
      "2026/03/05 08:20:25.123\tNOTALEVEL\tx\ty",
  };
  for (auto parser : kProxyParsers) {
    for (auto line : lines) {
      INFO(parser << " on: " << line);
      const auto r = run_line(parser, line);
      CHECK(r.events.empty());
    }
  }
}

TEST_CASE("each proxy parser claims none of the other proxy formats' sample lines", "[proxy]") {
  struct Sample {
    std::string_view file;
    std::string_view owner;
  };
  const Sample samples[] = {{"formats/nginx-error.log", "nginx-error"},
                            {"formats/nginx-access-combined.log", "nginx-access"},
                            {"formats/caddy-json.log", "caddy-json"},
                            {"formats/caddy-console-runtime.log", "caddy-console"}};
  for (const auto& sample : samples) {
    const std::string text = read_corpus_file(std::string(sample.file));
    for (auto parser : kProxyParsers) {
      if (parser == sample.owner) continue;
      INFO(parser << " on " << sample.file);
      CHECK(run_parser(parser, text).events.empty());
    }
  }
}

TEST_CASE("proxy parsers survive 1 MB lines and keep long content whole", "[proxy]") {
  const std::string junk(1 << 20, 'a');
  const std::string braces(1 << 20, '{');
  std::string markers;
  while (markers.size() < (1u << 20)) markers += ", client: x";
  const std::string nginx_markers = "2026/03/05 08:20:25 [error] 7#7: *1 x" + markers;
  for (auto parser : kProxyParsers) {
    INFO(parser);
    CHECK(run_line(parser, junk).events.empty());
    CHECK(run_line(parser, braces).events.empty());
  }
  // Context markers all the way: still one record, the whole text as the message.
  auto r = run_line("nginx-error", nginx_markers);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message.size() == nginx_markers.size() - 36);
  CHECK(field_of(r.events[0], "client") == "<none>");  // 95k pairs are no nginx context

  // A huge object of distinct keys: a record, with a bounded number of fields.
  std::string keys = "{\"level\":\"info\",\"ts\":1772698825.5,\"msg\":\"x\"";
  for (int i = 0; keys.size() < (1u << 20); ++i) keys += ",\"k" + std::to_string(i) + "\":1";
  keys += "}";
  r = run_line("caddy-json", keys);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].fields.size() < 64);
  CHECK(field_of(r.events[0], "k0") == "1");

  const std::string long_path(1 << 20, 'p');
  r = run_line("nginx-error",
               "2026/03/05 08:20:25 [error] 7#7: *1 upstream timed out (110: Connection timed out) "
               "while connecting to upstream, client: 192.0.2.1, server: _, request: \"GET /" +
                   long_path + " HTTP/1.1\", host: \"h\"");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "request").size() == long_path.size() + 14);
  CHECK(field_of(r.events[0], "host") == "h");

  r = run_line("caddy-json",
               "{\"level\":\"error\",\"ts\":1772698825.5,\"msg\":\"" + long_path + "\"}");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message == long_path);

  r = run_line("nginx-access", "192.0.2.1 - - [05/Mar/2026:08:20:25 +0000] \"GET /" + long_path +
                                   " HTTP/1.1\" 414 0 \"-\" \"-\"");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::warning);
  CHECK(field_of(r.events[0], "path").size() == long_path.size() + 1);
}

TEST_CASE("proxy parsers keep invalid UTF-8 bytes in the message", "[proxy]") {
  const std::string bad_bytes = "caf\xe9 \xff\xfe";
  auto r = run_line("nginx-error", "2026/03/05 08:20:25 [warn] 7#7: *1 " + bad_bytes +
                                       ", client: 192.0.2.1, server: _");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message == bad_bytes + ", client: 192.0.2.1, server: _");
  CHECK(field_of(r.events[0], "server") == "_");

  r = run_line("caddy-console", "2026/03/05 08:20:25.123\tWARN\thttp\t" + bad_bytes);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message == bad_bytes);

  r = run_line("caddy-v1", "2026/03/05 08:20:25 [ERROR] " + bad_bytes);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].message == bad_bytes);
}
