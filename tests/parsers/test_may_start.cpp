// A parser's may_start() gate (envelope_parser.hpp) is a necessary condition: a line it turns
// away is one parse_line would have refused, without changing the parser's state. Checked for
// every built-in parser on every line of the corpus plus hand-made lines, by running two
// instances side by side: one offered every line, one offered only the lines its gate lets in;
// every verdict the gated one gives must equal the other's, and every line it was not offered
// must have been refused by the other.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/start_table.hpp"
#include "grammar/time.hpp"
#include "logdx/parsers/parser_registry.hpp"

using namespace logdx;

namespace {

// Every line of every corpus input (plain files only), in file order.
std::vector<std::vector<std::string>> corpus_files() {
  std::vector<std::vector<std::string>> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(LOGDX_CORPUS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "expected.yaml" || name.ends_with(".gz") ||
        name.ends_with(".zst") || entry.file_size() > 4 * 1024 * 1024) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    files.push_back(std::move(lines));
  }
  return files;
}

// Lines made to sit on the gates' edges: braces late in a line, digits first but no stamp,
// names that look like months, a JSON object split over lines.
std::vector<std::string> edge_lines() {
  return {"worker 3: processed batch 4 in 52ms (queue depth 7)",
          // what the prefix peeler offers after a boundary: a CLI tag, a key, a lint level
          "[gateway] loading configuration", "[openclaw] Gateway token missing",
          "Probe target: ws://127.0.0.1:18789", "[error] core/doctor/config invalid port",
          "  at Object.<anonymous> (/app/index.js:10:5)", "config: { gateway: { port: 18789 } }",
          "{", "  \"MESSAGE\" : \"hello\",", "}",
          "{\"log\":\"partial line without "
          "newline\",\"stream\":\"stdout\",\"time\":\"2026-11-20T10:00:00.123456789Z\"}",
          "{\"log\":\"rest of "
          "it\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-20T10:00:00.223456789Z\"}",
          "2026-11-20T10:00:00.123456789Z container start abc (image=x, name=y)",
          "2026-11-20T10:00:00.000Z: worker ready",
          "2026/11/20 10:00:00.123\tERROR\thttp.log.error\tdial tcp", "12345 not a stamp",
          "Nov 20 10:00:00 host node[1]: Nov is a month",
          "janv. 5 10:00:00 hôte sshd[2]: connexion", "Mär  5 08:20:25 host x: y",
          "Tue 2026-02-10 15:05:10 UTC [s=abc]", "Thu Mar  5 08:20:25 2026] x", "", "   ",
          "{\"level\":\"error\",\"ts\":1772697625.1,\"msg\":\"dial\"}",
          "{\"type\":\"log\",\"time\":\"2026-11-20T10:00:00.000Z\",\"message\":\"x\"}"};
}

std::string describe(LineVerdict v) {
  switch (v) {
    case LineVerdict::record:
      return "record";
    case LineVerdict::continuation:
      return "continuation";
    case LineVerdict::skip:
      return "skip";
    case LineVerdict::no_match:
      return "no_match";
  }
  return "?";
}

void check_gate(const ParserRegistry::Entry& entry, const std::vector<std::string>& lines) {
  const ParserOptions options;
  auto every = entry.factory(options);
  auto gated = entry.factory(options);
  Event fresh;
  for (const std::string& line : lines) {
    fresh.clear();
    const LineVerdict expected = every->parse_line(line, fresh, nullptr);
    if (!gated->may_start(line)) {
      INFO(entry.info.name << " turned away a line it would parse as " << describe(expected) << ": "
                           << line);
      CHECK(expected == LineVerdict::no_match);
      continue;
    }
    fresh.clear();
    const LineVerdict got = gated->parse_line(line, fresh, nullptr);
    INFO(entry.info.name << " after its gate turned lines away: " << line);
    CHECK(describe(got) == describe(expected));
  }
}

}  // namespace

TEST_CASE("may_start never turns away a line its parser would take", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const auto files = corpus_files();
  REQUIRE(files.size() > 50);
  for (const auto& entry : registry.entries()) {
    for (const auto& lines : files) check_gate(entry, lines);
    check_gate(entry, edge_lines());
  }
}

// The peelers index their parsers by a line's first byte (start_bytes(), StartTable): a byte
// a parser's table leaves out must be one its reset gate refuses, on every corpus line.
TEST_CASE("start_bytes admits every line a reset gate passes", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  auto files = corpus_files();
  files.push_back(edge_lines());
  for (const auto& entry : registry.entries()) {
    auto parser = entry.factory(options);
    const StartBytes start = parser->start_bytes();
    for (const auto& lines : files) {
      for (const std::string& line : lines) {
        if (start.admits(line)) continue;
        INFO(entry.info.name << " left out the first byte of a line its gate passes: " << line);
        CHECK_FALSE(parser->may_start(line));
      }
    }
  }
}

TEST_CASE("the start table keeps the parsers' order and rules out by first byte", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  std::vector<std::unique_ptr<EnvelopeParser>> parsers;
  for (std::string_view name : {"syslog-iso", "journal-json", "dmesg", "pm2-daemon"}) {
    parsers.push_back(registry.find(name)->factory(options));
  }
  const StartTable table(parsers);
  const auto candidates = [&table](std::string_view line) {
    const StartTable::Candidates found = table.candidates(line);
    return std::vector<std::uint16_t>(found.begin(), found.end());
  };
  CHECK(candidates("2026-11-20T10:00:00+0000 h x: y") == std::vector<std::uint16_t>{0, 3});
  CHECK(table.candidates("[ 1.000] x").size() == 1);
  CHECK(candidates("[ 1.000] x {y}") == std::vector<std::uint16_t>{1, 2});
  // Every first byte's list, with and without a brace, is the parsers' own start bytes.
  for (int b = 1; b < 256; ++b) {
    const std::string plain(1, static_cast<char>(b));
    const std::string braced = plain + "{";
    std::vector<std::uint16_t> want_plain, want_braced;
    for (std::size_t i = 0; i < parsers.size(); ++i) {
      const StartBytes start = parsers[i]->start_bytes();
      if (start.first.test(static_cast<unsigned char>(b))) want_plain.push_back(static_cast<std::uint16_t>(i));
      if (start.admits(braced)) want_braced.push_back(static_cast<std::uint16_t>(i));
    }
    if (b != '{') CHECK(candidates(plain) == want_plain);
    CHECK(candidates(braced) == want_braced);
  }
  CHECK(table.candidates("scheduler tick 3: nothing to do").empty());
  CHECK(table.candidates("").size() == 4);  // an empty message: every gate is asked
}

namespace {

// One instance of every parser of the built-in registry, in registry order.
std::vector<std::unique_ptr<EnvelopeParser>> every_builtin_parser() {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  std::vector<std::unique_ptr<EnvelopeParser>> parsers;
  for (const auto& entry : registry.entries()) parsers.push_back(entry.factory(options));
  return parsers;
}

}  // namespace

// The table's lists with held bytes (a '|', a '[', a clock's ':') must answer as the parsers'
// own StartBytes do, for every parser of the registry, on every corpus line and on lines that
// hold each marker byte alone.
TEST_CASE("the start table admits exactly what each parser's start bytes admit", "[parsers]") {
  const auto parsers = every_builtin_parser();
  const StartTable table(parsers);
  auto files = corpus_files();
  files.push_back(edge_lines());
  std::vector<std::string> markers;
  for (const char held : std::string_view("{|[:-\x1b\xE2")) {
    for (const std::string_view lead : {"a", "Z", "0", " ", "(", "\xC3"}) {
      markers.push_back(std::string(lead) + "x y " + held + " z");
      // past the table's short-line length, where it looks for each byte with memchr
      markers.push_back(std::string(lead) + std::string(80, 'x') + held + " z");
      markers.push_back(std::string(lead) + std::string(80, 'x'));
    }
  }
  files.push_back(markers);
  for (const auto& lines : files) {
    for (const std::string& line : lines) {
      std::vector<std::uint16_t> want;
      for (std::size_t i = 0; i < parsers.size(); ++i) {
        if (parsers[i]->start_bytes().admits(line)) want.push_back(static_cast<std::uint16_t>(i));
      }
      const StartTable::Candidates found = table.candidates(line);
      INFO(line);
      CHECK(std::vector<std::uint16_t>(found.begin(), found.end()) == want);
    }
  }
}

// The prefix peeler reads a line's held bytes once and uses them for every rest after a
// boundary: a superset of the rest's own, so every parser the rest admits is still asked.
TEST_CASE("a line's held bytes admit every parser its rests admit", "[parsers]") {
  const auto parsers = every_builtin_parser();
  const StartTable table(parsers);
  const std::vector<std::string> lines = {
      "[2026-03-23 14:57:05.967] [info] Nov 20 10:00:00 gw node[42]: ready",
      "web.1  | 127.0.0.1 - - [20/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5",
      "worker 3: processed batch 4 in 52ms (queue depth 7)"};
  for (const std::string& line : lines) {
    const std::uint32_t holds = table.holds(line);
    for (std::size_t at = 0; at < line.size(); ++at) {
      const std::string_view rest = std::string_view(line).substr(at);
      const StartTable::Candidates own = table.candidates(rest);
      const StartTable::Candidates wide = table.candidates(rest, holds);
      const std::vector<std::uint16_t> own_list(own.begin(), own.end());
      const std::vector<std::uint16_t> wide_list(wide.begin(), wide.end());
      INFO(rest);
      CHECK(std::includes(wide_list.begin(), wide_list.end(), own_list.begin(), own_list.end()));
    }
  }
}

// Formats led by a localised month or weekday name, a service prefix or a bracketed time are
// asked of a prose line only when it holds the byte their shape needs.
TEST_CASE("held bytes keep the name-led formats and refuse prose without them", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  struct Case {
    std::string_view parser;
    std::string_view taken;      // a line of the format: still admitted and still parsed
    std::string_view look_alike;  // prose of the same lead: refused by the table now
  };
  const Case cases[] = {
      {"syslog-bsd", "Nov 20 10:00:00 gw node[42]: gateway ready",
       "November rain fell on 20 streets"},
      {"syslog-bsd", "janv. 5 10:00:00 hote sshd[2]: connexion", "janvier 5 was a Monday"},
      {"journal-verbose", "Tue 2026-02-10 15:05:10.123456 UTC [s=abc;i=1;b=2;m=3;t=4;x=5]",
       "Tuesday 10 February went fine"},
      {"nginx-access",
       "127.0.0.1 - - [20/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"",
       "127.0.0.1 answered 200 in 5 ms"},
      {"pm2-logs", "0|gateway  | listening on 18789", "gateway listening on 18789"},
      {"pm2-ls", "\xE2\x94\x82 0  \xE2\x94\x82 gateway \xE2\x94\x82", "gateway is online"},
  };
  for (const Case& c : cases) {
    INFO(c.parser);
    const ParserRegistry::Entry* entry = registry.find(c.parser);
    REQUIRE(entry != nullptr);
    auto parser = entry->factory(options);
    const StartBytes start = parser->start_bytes();
    CHECK(start.admits(c.taken));
    CHECK(parser->may_start(c.taken));
    CHECK_FALSE(start.admits(c.look_alike));
    Event fresh;
    CHECK(parser->parse_line(c.look_alike, fresh, nullptr) == LineVerdict::no_match);
  }
}

TEST_CASE("may_start turns prose and other formats away where it can", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  const std::string prose = "worker 3: processed batch 4 in 52ms (queue depth 7)";
  for (std::string_view name :
       {"journal-json", "docker-json-file", "pm2-json", "caddy-json", "openclaw-file-json",
        "docker-timestamps", "pm2-app-time", "docker-ps"}) {
    const ParserRegistry::Entry* entry = registry.find(name);
    INFO(name);
    REQUIRE(entry != nullptr);
    auto parser = entry->factory(options);
    CHECK_FALSE(parser->may_start(prose));
  }
  auto json = registry.find("journal-json")->factory(options);
  CHECK(json->may_start("  {\"MESSAGE\":\"x\"}"));
  auto stamped = registry.find("docker-timestamps")->factory(options);
  CHECK(stamped->may_start("2026-11-20T10:00:00.123456789Z x"));
  // docker ps without its header: a row is led by a container id, short or full.
  auto ps = registry.find("docker-ps")->factory(options);
  CHECK(ps->may_start("CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES"));
  CHECK(ps->may_start("  NAME   IMAGE   COMMAND   SERVICE   CREATED   STATUS   PORTS"));
  CHECK(
      ps->may_start("3f2a9c1d0b7e   openclaw:latest   \"node dist\"   2 min ago   Up 2 min   gw"));
  CHECK_FALSE(ps->may_start("3f2a9c1d0b7   one digit short of an id"));
  CHECK_FALSE(ps->may_start("deadbeefcafe1 thirteen"));
}

// Plain text (no envelope) is offered to every parser, at each prefix boundary too, so each
// gate that can refuse prose from a few bytes must: the per-line cost of a log of prose is
// these gates. Lines of the shapes bench/gen_mixed_log.py --plain writes, and a few more.
TEST_CASE("the gates of the line-led formats turn plain text away", "[parsers]") {
  const ParserRegistry registry = ParserRegistry::builtin();
  const ParserOptions options;
  const std::vector<std::string> prose = {
      "worker 3: processed batch 4 in 52ms (queue depth 7)",
      "cache refresh finished, 9 entries updated, next run in 300 seconds",
      "Listening for connections on port 8080 with 5 workers",
      "request 4 served from cache, size 4 bytes",
      "  retrying upload chunk 19 of 64 for job 19",
      "scheduler tick 3: nothing to do",
      "Error: connect ECONNREFUSED 127.0.0.1:18789",
      "FATAL: out of memory while allocating 52 bytes for job 7",
      "nothing to do",
      "Service config changed - restarting"};
  for (std::string_view name : {"syslog-bsd",
                                "syslog-iso",
                                "journal-monotonic",
                                "journal-unix",
                                "journal-export",
                                "docker-compose",
                                "dmesg",
                                "dmesg-ctime",
                                "dmesg-decode",
                                "dmesg-raw-prio",
                                "pm2-daemon",
                                "pm2-logs",
                                "pm2-ls",
                                "pm2-format",
                                "nginx-access",
                                "nginx-error",
                                "caddy-v1",
                                "openclaw-logs-plain",
                                "openclaw-console",
                                "gateway-wrapper"}) {
    const ParserRegistry::Entry* entry = registry.find(name);
    INFO(name);
    REQUIRE(entry != nullptr);
    auto parser = entry->factory(options);
    for (const std::string& line : prose) {
      INFO(line);
      CHECK_FALSE(parser->may_start(line));
    }
  }
  // These read more of the line: " - " (a unit header), a short word, a blank and a year (a
  // localised weekday), a known first pair of bytes.
  auto status = registry.find("systemctl-status")->factory(options);
  CHECK_FALSE(status->may_start(prose[0]));
  CHECK(status->may_start(prose[9]));
  CHECK(status->may_start("â openclaw-gateway.service - OpenClaw Gateway"));
  auto cli = registry.find("openclaw-cli")->factory(options);
  CHECK_FALSE(cli->may_start(prose[0]));
  CHECK_FALSE(cli->may_start(prose[5]));
  CHECK(cli->may_start("Gateway failed to start: another gateway instance"));
  CHECK(cli->may_start("  Probe target: ws://127.0.0.1:18789"));
  auto verbose = registry.find("journal-verbose")->factory(options);
  CHECK_FALSE(verbose->may_start(prose[1]));
  CHECK(verbose->may_start("Tue 2026-02-10 15:05:10.101274 UTC [s=3f2;i=1a]"));
  // Gates open for the formats' own lines.
  CHECK(registry.find("docker-compose")->factory(options)->may_start("gw-1  | started"));
  CHECK(registry.find("docker-compose")->factory(options)->may_start("gw-1 exited with code 1"));
  // compose's progress lines (docker compose v2) and the look-alikes its byte checks refuse.
  auto compose = registry.find("docker-compose")->factory(options);
  CHECK(compose->may_start("\xE2\x9C\x94 Container gw-1  Started"));
  CHECK(compose->may_start(" Network gw_default  Created"));
  CHECK(compose->may_start("Volume \"gw_data\"  Created"));
  CHECK_FALSE(compose->may_start("Networking is slow today"));
  CHECK_FALSE(compose->may_start("Volumes mounted: 3"));
  CHECK_FALSE(compose->may_start("gw-1 exits with code 1"));
  CHECK_FALSE(compose->may_start("gw-1 e"));
  CHECK(registry.find("dmesg-decode")->factory(options)->may_start("kern  :err   : [ 1.0] x"));
  CHECK(registry.find("nginx-access")
            ->factory(options)
            ->may_start("203.0.113.7 - - [05/Mar/2026:08:20:25 +0000] \"GET / HTTP/1.1\" 502 157"));
}

TEST_CASE("the name-led stamps check their shape before the name", "[time]") {
  Timestamp t;
  std::string_view text;
  for (std::string_view prose :
       {"worker 3: processed", "scheduler tick 0: nothing", "a", "Nov", "Nov 20", "Nov 20 1",
        "Nov 20 10", "Novembers 2 10:00:00", "Nov.20 10:00:00", "Nov 123 10:00:00"}) {
    std::string_view in = prose;
    INFO(prose);
    CHECK_FALSE(grammar::bsd_syslog(in, 2026, t, text));
    CHECK(in == prose);
  }
  for (std::string_view stamp :
       {"Nov 20 10:00:00 h", "Nov  3 10:00:01 h", "janv. 5 10:00:00 h", "Mär  5 08:20:25 h"}) {
    std::string_view in = stamp;
    INFO(stamp);
    CHECK(grammar::bsd_syslog(in, 2026, t, text));
  }
  // Any short word may be a (localised) weekday name; what follows it decides.
  std::string_view in = "worker 3: 2026-02-10 15:05:10 UTC";
  CHECK_FALSE(grammar::weekday_iso(in, t, text));
  in = "averyveryverylongword 2026-02-10 15:05:10 UTC";
  CHECK_FALSE(grammar::weekday_iso(in, t, text));
  in = "Tue. 2026-02-10 15:05:10 UTC";
  CHECK(grammar::weekday_iso(in, t, text));
  in = "Thursday Mar  5 08:20:25 2026";
  CHECK(grammar::ctime(in, t, text));  // eight bytes: the longest name the grammar takes
  in = "Wednesdays Mar  5 08:20:25 2026";
  CHECK_FALSE(grammar::ctime(in, t, text));
}
