// Every pm2 parser against input that is not its own: garbage, empty, other formats, truncated
// prefixes, raw ANSI, invalid UTF-8 and a 1 MB line. None may crash or claim foreign lines.

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

constexpr std::array<const char*, 7> kParsers = {
    "pm2-logs", "pm2-json", "pm2-format", "pm2-daemon", "pm2-app-time", "pm2-app-json", "pm2-ls"};

}  // namespace

TEST_CASE("pm2 parsers refuse lines of other formats", "[pm2]") {
  const std::string foreign =
      "Mar  5 08:20:25 oc-gw-01 node[2301]: [gateway] listening on ws://127.0.0.1:18789\n"
      "2026-11-25T05:18:19.140+00:00 Gateway failed to start\n"
      "{\"level\":\"info\",\"msg\":\"handled request\"}\n"
      "[  123.456789] Out of memory: Killed process 2301 (node)\n"
      "hello world\n"
      "\xff\xfe\x80 garbage \xc3\x28\n";
  for (const char* name : kParsers) {
    INFO(name);
    const auto r = run_parser(name, foreign);
    CHECK(r.events.empty());
    CHECK(r.no_match == 6);
  }
}

TEST_CASE("pm2 parsers survive truncated prefixes, empty lines, ANSI and a 1 MB line", "[pm2]") {
  const std::string truncated =
      "0|openclaw\n"
      "PM2\n"
      "2026-11-25-05:18:1\n"
      "{\"message\":\"x\",\"type\":\"out\",\"app_na\n"
      "timestamp=2026-11-25-05:18:19+0000 app=x\n"
      "2026-11-25T05:18:18: PM2 lo\n"
      "2026-11-25T05:18\n";
  std::string huge = "0|openclaw | " + std::string(1 << 20, 'x');
  for (const char* name : kParsers) {
    INFO(name);
    const auto t = run_parser(name, truncated);
    CHECK(t.events.empty());
    CHECK(t.no_match == 7);
    const auto e = run_parser(name, "\n\n");
    CHECK(e.events.empty());
    CHECK_NOTHROW(run_parser(name, "\x1b[31m0|\x1b[39m\x1b[\n\x1b"));
    CHECK_NOTHROW(run_parser(name, huge));
    CHECK_NOTHROW(run_parser(name, std::string("0|a | \0\xff", 8)));
  }
  const auto h = run_parser("pm2-logs", huge);
  REQUIRE(h.events.size() == 1);
  CHECK(h.events[0].message.size() == (1u << 20));
  // Invalid UTF-8 in the message is kept as is.
  const auto u = run_parser("pm2-logs", "0|worker | bad \xc3\x28 bytes\n");
  REQUIRE(u.events.size() == 1);
  CHECK(u.events[0].message == "bad \xc3\x28 bytes");
}
