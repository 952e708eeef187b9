// A parser's may_start() gate (envelope_parser.hpp) is a necessary condition: a line it turns
// away is one parse_line would have refused, without changing the parser's state. Checked for
// every built-in parser on every line of the corpus plus hand-made lines, by running two
// instances side by side: one offered every line, one offered only the lines its gate lets in;
// every verdict the gated one gives must equal the other's, and every line it was not offered
// must have been refused by the other.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
          "  at Object.<anonymous> (/app/index.js:10:5)",
          "config: { gateway: { port: 18789 } }",
          "{",
          "  \"MESSAGE\" : \"hello\",",
          "}",
          "{\"log\":\"partial line without "
          "newline\",\"stream\":\"stdout\",\"time\":\"2026-11-20T10:00:00.123456789Z\"}",
          "{\"log\":\"rest of "
          "it\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-20T10:00:00.223456789Z\"}",
          "2026-11-20T10:00:00.123456789Z container start abc (image=x, name=y)",
          "2026-11-20T10:00:00.000Z: worker ready",
          "2026/11/20 10:00:00.123\tERROR\thttp.log.error\tdial tcp",
          "12345 not a stamp",
          "Nov 20 10:00:00 host node[1]: Nov is a month",
          "janv. 5 10:00:00 hôte sshd[2]: connexion",
          "Mär  5 08:20:25 host x: y",
          "Tue 2026-02-10 15:05:10 UTC [s=abc]",
          "Thu Mar  5 08:20:25 2026] x",
          "",
          "   ",
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
