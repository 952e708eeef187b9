// pm2-json (`pm2 logs --json`) and pm2-format (`pm2 logs --format`).

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("pm2-json: app lines and process events", "[pm2]") {
  const auto r = run_parser("pm2-json", read_corpus_file("formats/pm2-logs-json.log"));
  CHECK(r.events.size() == 28);
  CHECK(r.no_match == 0);
  const Event& out = event_at_line(r, 1);
  CHECK(out.message == "worker starting pid=22360");
  CHECK(time_of(out) == "2026-11-25T05:18:19.484Z");
  CHECK(out.time_text == "2026-11-25T05:18:19.484Z");
  CHECK(out.app == "worker");
  CHECK(out.source == SourceKind::app);
  CHECK(field_or(out, "pm_id") == "1");
  CHECK(field_or(out, "stream") == "stdout");

  const Event& gw = event_at_line(r, 20);
  CHECK(gw.source == SourceKind::gateway);
  CHECK(field_or(gw, "stream") == "stderr");
  CHECK(gw.message == "If the gateway is supervised, stop it with: openclaw gateway stop");

  const Event& exit = event_at_line(r, 3);
  CHECK(exit.source == SourceKind::pm2);
  CHECK(exit.process == "PM2");
  CHECK(exit.app == "openclaw-gateway");
  CHECK(field_or(exit, "status") == "exit");
  CHECK(exit.message == "exit");
  CHECK(time_of(exit) == "2026-11-25T05:18:19.579Z");

  const Event& overlimit = event_at_line(r, 12);
  CHECK(field_or(overlimit, "status") == "restart overlimit");
  CHECK(overlimit.app == "worker");
}

TEST_CASE("pm2-json and pm2-app-json split the JSON shapes between them", "[pm2]") {
  // --log-type json files keep newlines in "message"; pm2 logs --json never does.
  const auto r = run_parser("pm2-json", read_corpus_file("formats/pm2-app-logtype-json.log"));
  CHECK(r.events.empty());
  CHECK(r.no_match == 4);
  // Process events are the stream's only.
  const auto a = run_parser("pm2-app-json", read_corpus_file("formats/pm2-logs-json.log"));
  CHECK(a.no_match == 12);
  CHECK(a.events.size() == 16);
  // Generic JSON without pm2's keys is neither.
  const std::string other = R"({"level":"info","msg":"hello","type":"out"})";
  CHECK(run_parser("pm2-json", other).no_match == 1);
  CHECK(run_parser("pm2-app-json", other).no_match == 1);
}

TEST_CASE("pm2-format: logfmt-like fields, message unquoted to the end, app=pm2 is the daemon",
          "[pm2]") {
  const auto r = run_parser("pm2-format", read_corpus_file("formats/pm2-logs-format.log"));
  CHECK(r.events.size() == 28);
  CHECK(r.no_match == 0);
  const Event& gw = event_at_line(r, 1);
  CHECK(time_of(gw) == "2026-11-25T05:18:19Z");
  CHECK(gw.time.kind == TimeKind::utc);
  CHECK(gw.time_text == "2026-11-25-05:18:19+0000");
  CHECK(gw.app == "openclaw-gateway");
  CHECK(gw.source == SourceKind::gateway);
  CHECK(field_or(gw, "pm_id") == "0");
  CHECK(field_or(gw, "stream") == "stderr");
  CHECK(gw.message ==
        "2026-11-25T05:18:19.572+00:00 Gateway failed to start: another gateway instance is "
        "already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use "
        "127.0.0.1:18789 | EADDRINUSE");

  const Event& pm2 = event_at_line(r, 3);
  CHECK(pm2.source == SourceKind::pm2);
  CHECK(pm2.process == "PM2");
  CHECK(pm2.app == "openclaw-gateway");
  CHECK(field_or(pm2, "exit_code") == "1");
  CHECK(field_or(pm2, "signal") == "SIGINT");

  const Event& frame = event_at_line(r, 7);
  CHECK(frame.app == "worker");
  CHECK(frame.message == "    at Timeout._onTimeout (/home/fmtuser/app/crash.js:2:26)");
  CHECK(field_or(event_at_line(r, 15), "stream") == "stdout");
}

TEST_CASE("pm2-format: offsets other than +0000, no timestamp, --raw", "[pm2]") {
  const auto r =
      run_parser("pm2-format",
                 "timestamp=2026-03-05-09:20:25+0100 app=worker id=3 type=out message=hi\n"
                 "app=worker id=3 type=out message=\n"
                 "message=raw text | with bars\n"
                 "timestamp=2026-03-05-09:20:25 app=a message=x\n");
  REQUIRE(r.events.size() == 4);
  CHECK(time_of(r.events[0]) == "2026-03-05T08:20:25Z");
  CHECK(r.events[0].message == "hi");
  CHECK(r.events[1].message.empty());
  CHECK_FALSE(r.events[1].time.has_value());
  CHECK(r.events[2].message == "raw text | with bars");
  CHECK(r.events[2].app.empty());
  CHECK(r.events[3].time.kind == TimeKind::local);
}
