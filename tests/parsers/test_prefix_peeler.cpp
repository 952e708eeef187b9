// Generic prefix peeling (prefix_peeler.hpp): a known record behind a prefix no parser knows.
#include <catch2/catch.hpp>

#include "core/prefix_peeler.hpp"
#include "input_test_support.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/input_set.hpp"

using namespace logdx;

namespace {

struct Peeled {
  bool claimed = false;
  std::string parser;
  Event event;
};

Peeled peel(std::string_view line) {
  const ParserRegistry registry = ParserRegistry::builtin();
  PrefixPeeler peeler(registry, ParserOptions{.default_year = 2026});
  Peeled out;
  const EnvelopeParser* parser = peeler.peel(line, out.event);
  out.claimed = parser != nullptr;
  if (parser) out.parser = std::string(parser->info().name);
  return out;
}

}  // namespace

TEST_CASE("prefix: a syslog line behind a service prefix", "[prefix]") {
  // docker compose v1 (compose/cli/log_printer.py) pads the service name and writes " | ".
  const Peeled p = peel(
      "worker_1  | Mar  5 08:20:25 web1 kernel: Out of memory: Killed process 812 (node) "
      "total-vm:1024kB");
  REQUIRE(p.claimed);
  CHECK(p.event.source == SourceKind::kernel);
  CHECK(p.event.host == "web1");
  CHECK(p.event.unit == "worker_1");
  CHECK(p.event.message.rfind("Out of memory: Killed process 812", 0) == 0);
  CHECK(p.event.field("prefix") == "worker_1  | ");
}

TEST_CASE("prefix: the prefix's time stands when the inner record has none", "[prefix]") {
  Event event;
  apply_prefix("[2026-03-23 14:57:05.967] [info]  ", 2026, event);
  CHECK(event.time.has_value());
  CHECK(event.time_text == "2026-03-23 14:57:05.967");
  Event host;
  apply_prefix("[128.199.150.165] ", 2026, host);
  CHECK(host.host == "128.199.150.165");
  Event unit;
  apply_prefix("migration_1  | ", 2026, unit);
  CHECK(unit.unit == "migration_1");
}

TEST_CASE("prefix: prose and unknown records are not peeled", "[prefix]") {
  CHECK_FALSE(peel("Service config looks out of date or non-standard.").claimed);
  CHECK_FALSE(peel("web.1 | Error: listen EADDRINUSE :::5000").claimed);
  CHECK_FALSE(peel("").claimed);
  // An error class and its colon are followed by that error's message, which may look like a
  // record of its own ("MatrixError: [401] ...", matrix-js-sdk; "DiscordAPIError: [50001] ...",
  // discord.js 14): nothing after one is a wrapper's record.
  CHECK_FALSE(peel("MatrixError: Mar  5 08:20:25 web1 kernel: Out of memory: x").claimed);
  CHECK_FALSE(peel("java.io.IOException: Mar  5 08:20:25 web1 kernel: Out of memory: x").claimed);
  CHECK(peel("Errors: Mar  5 08:20:25 web1 kernel: Out of memory: x").claimed);
  // Work is bounded: a known record after many boundaries is not looked for.
  CHECK_FALSE(peel("a1 b2 c3 d4 e5 f6 g7 Mar  5 08:20:25 web1 kernel: Out of memory: x").claimed);
}

TEST_CASE("prefix: the reader peels a prefixed line instead of reading it as plain", "[prefix]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const EventReader reader(registry, ReaderOptions{});
  logdx::testing::TempDir dir;
  const std::string path = dir / "paste.log";
  logdx::testing::write_file(
      path,
      "some text a person wrote before the log\n"
      "deploy-3 > Mar  5 08:20:25 web1 systemd[1]: gw.service: Start request "
      "repeated too quickly.\n");
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> diagnostics;
  reader.read(
      logdx::testing::file_input(path), [&](Event&& e) { events.push_back(std::move(e)); },
      diagnostics);
  REQUIRE(events.size() == 2);
  CHECK(events[0].parser == "plain");
  CHECK(events[1].parser != "plain");
  CHECK(events[1].source == SourceKind::systemd);
  CHECK(events[1].message == "gw.service: Start request repeated too quickly.");
  REQUIRE(events[1].envelopes.size() >= 2);
  CHECK(events[1].envelopes[0] == "prefix");
}

TEST_CASE("prefix: a journal line indented by one blank keeps its stamp and host", "[prefix]") {
  // The first line of a pasted journal inside a fence often carries the paster's indent.
  const Peeled p = peel(
      " Oct 31 09:12:23 node-1 wakunode2[608759]: ERR failed to start waku node: (98) Address "
      "already in use");
  REQUIRE(p.claimed);
  CHECK(p.event.time.has_value());
  CHECK(p.event.time_text == "Oct 31 09:12:23");
  CHECK(p.event.host == "node-1");
  CHECK(p.event.process == "wakunode2");
  CHECK(p.event.message.rfind("ERR failed to start waku node", 0) == 0);
  // Prose with one leading blank is still no record.
  CHECK_FALSE(peel(" the service config looks out of date").claimed);
}

TEST_CASE("prefix: grep's file and line-number prefixes, glued to the line", "[prefix]") {
  // GNU grep: `grep -r` / several files print "FILE:", `grep -n` "N:", both "FILE:N:".
  for (std::string_view line :
       {"/var/log/syslog:Nov 25 04:42:36 gw systemd[1]: gw.service: Start request repeated too "
        "quickly.",
        "1523:Nov 25 04:42:36 gw systemd[1]: gw.service: Start request repeated too quickly.",
        "/var/log/syslog.1:1523:Nov 25 04:42:36 gw systemd[1]: gw.service: Start request "
        "repeated too quickly.",
        "syslog.1:1523:Nov 25 04:42:36 gw systemd[1]: gw.service: Start request repeated too "
        "quickly."}) {
    INFO(line);
    const Peeled p = peel(line);
    REQUIRE(p.claimed);
    CHECK(p.parser == "syslog-bsd");
    CHECK(p.event.host == "gw");
    CHECK(p.event.source == SourceKind::systemd);
    CHECK(p.event.message == "gw.service: Start request repeated too quickly.");
    CHECK(p.event.field("prefix") == line.substr(0, line.find("Nov")));
  }
  // An ISO stamp after the file name is read whole, not cut at its own colons.
  const Peeled iso = peel(
      "openclaw-2026-11-25.log:2026-11-25T04:42:36.549+00:00 [gateway] listening on "
      "ws://127.0.0.1:18789");
  REQUIRE(iso.claimed);
  CHECK(iso.event.time_text == "2026-11-25T04:42:36.549+00:00");
  CHECK(iso.event.subsystem == "gateway");
}

TEST_CASE("prefix: colons in a clock time, a URL or prose are no grep prefix", "[prefix]") {
  CHECK_FALSE(peel("12:34:56 worker 3 done").claimed);
  CHECK_FALSE(peel("http://127.0.0.1:18789/health returned 503").claimed);
  CHECK_FALSE(peel("note:this is prose with a colon").claimed);
  CHECK_FALSE(peel("1523:").claimed);
  // Python's logging format: a level and a logger name, not a file and a line number.
  CHECK_FALSE(peel("ERROR:root:Nov 25 04:42:36 gw systemd[1]: gw.service: Start request repeated "
                   "too quickly.")
                  .claimed);
}

// pm2 3.x `pm2 list` and `pm2 describe` retyped as GFM tables (GFM spec, "Tables (extension)"):
// the bars are columns, so no cell is a compose service; compose v2's own "name  | " prefix
// (pkg/compose/printer.go), which has no bar before the name, still is.
TEST_CASE("prefix: a Markdown table row is not read as a service prefix", "[prefix]") {
  for (const std::string_view row :
       {"| api | 0 | 2.1.0 | fork | 0 | errored | 15 | 0 | 0% | 0 B | deploy | disabled |",
        "| status | errored |", "  | my-api | 1 | online |  "}) {
    INFO(row);
    const Peeled p = peel(row);
    CHECK_FALSE(p.claimed);
    CHECK(p.event.unit.empty());
  }
  const Peeled compose = peel("[gw] | gw-1  | Error: listen EADDRINUSE: address already in use");
  REQUIRE(compose.claimed);
  CHECK(compose.event.unit == "gw-1");
  // one bar at the start only: a prefix, as before
  const Peeled led = peel("| gw-1  | Error: listen EADDRINUSE: address already in use :::18789");
  CHECK(led.claimed);
}
