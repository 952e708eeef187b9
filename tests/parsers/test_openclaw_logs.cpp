// openclaw-logs-plain and openclaw-logs-json: the real `openclaw logs` captures of corpus/real
// 01/10/21, case 37 (--plain saved with CRLF), and refusal of the neighbouring formats.

#include <catch2/catch.hpp>

#include "openclaw_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("openclaw-logs-plain reads time, level, subsystem and message", "[openclaw]") {
  const auto result =
      run_parser("openclaw-logs-plain", read_corpus_file("real/01-healthy-start/logs.stdout.log"));
  CHECK(result.events.size() == 54);
  CHECK(result.skipped == 1);  // the "Log file: /tmp/openclaw/openclaw-2026-11-25.log" header
  CHECK(result.no_match == 0);
  const Event& first = result.events[0];
  CHECK(first.time_text == "2026-11-25T04:41:55.374+00:00");
  CHECK(first.level == Level::info);
  CHECK(first.subsystem.empty());  // forwarded console output has no subsystem column
  CHECK(first.message == "Updated gateway.mode. Restart the gateway to apply.");
  const Event& monitor = event_starting_with(result, "started (interval: 300s");
  CHECK(monitor.subsystem == "gateway/health-monitor");
  CHECK(format_timestamp(monitor.time) == "2026-11-25T04:42:41.091Z");
  const Event& cron = event_starting_with(result, "cron: job added");
  CHECK(cron.subsystem == "cron");
  const Event& service = event_starting_with(result, "No supported service manager detected.");
  CHECK(service.level == Level::error);
  // An empty message is printed as its raw file-log line; the message is that line's (empty).
  std::size_t empty = 0;
  for (const auto& e : result.events) {
    if (e.message.empty()) {
      ++empty;
      CHECK(e.host == "vm");
    }
  }
  CHECK(empty == 6);
}

TEST_CASE("openclaw-logs-plain joins the unstamped lines of a multi-line message", "[openclaw]") {
  const auto result = run_parser("openclaw-logs-plain",
                                 read_corpus_file("real/10-gateway-not-running/logs.stdout.log"));
  CHECK(result.events.size() == 20);
  CHECK(result.skipped == 1);
  CHECK(result.no_match == 0);
  const Event& status = event_starting_with(result, "OpenClaw status");
  CHECK(status.message.rfind("OpenClaw status\n\nOverview\n", 0) == 0);
  CHECK(status.where.line_count == 50);  // lines 21-70: the whole `openclaw status` report
  const Event& refused = event_starting_with(result, "  connect ECONNREFUSED");
  CHECK(refused.level == Level::error);
  CHECK(refused.message == "  connect ECONNREFUSED 127.0.0.1:18789");
}

TEST_CASE("openclaw-logs-plain reads a CRLF capture (case 37)", "[openclaw]") {
  const auto result =
      run_parser("openclaw-logs-plain",
                 read_corpus_file("cases/37-device-token-mismatch-4008-crlf/input.log"));
  REQUIRE(result.events.size() == 44);
  CHECK(result.no_match == 0);
  CHECK(result.events[0].subsystem == "gateway");
  CHECK(result.events[0].message == "loading configuration…");
  CHECK(format_timestamp(result.events[0].time) == "2026-09-09T12:03:58.114Z");
  const Event& unauthorized = event_starting_with(result, "unauthorized conn=1c82e4fb");
  CHECK(unauthorized.level == Level::warning);
  CHECK(unauthorized.subsystem == "gateway/ws");
  CHECK(unauthorized.message.back() != '\r');
  for (const auto& e : result.events) CHECK(e.source == SourceKind::gateway);
}

TEST_CASE("openclaw-logs-plain refuses console lines, unknown levels and garbage", "[openclaw]") {
  for (std::string_view bad :
       {"2026-11-25T04:42:36.549+00:00 [gateway] loading configuration…",  // console
        "2026-11-25T04:42:36.549+00:00 Port 18789 is already in use.",
        "2026-11-25T04:42:36.549+00:00 infos gateway x",
        "2026-11-25T04:42:36.549+00:00  info gateway x",
        "2026-11-25T04:42:36+00:00 info gateway x",  // no milliseconds
        "2026-11-25T04:42:36.549Z info gateway x",   // not openclaw's offset form
        "2026-11-25T04:42:36.5", "Overview", "", "\xff\xfe\x80"}) {
    CAPTURE(bad);
    Event e;
    CHECK(verdict_of("openclaw-logs-plain", bad, e) == LineVerdict::no_match);
  }
  Event levelonly;
  REQUIRE(verdict_of("openclaw-logs-plain", "2026-11-25T04:42:36.549+00:00 warn", levelonly) ==
          LineVerdict::record);
  CHECK(levelonly.level == Level::warning);
  CHECK(levelonly.message.empty());
  Event huge;
  REQUIRE(verdict_of("openclaw-logs-plain",
                     "2026-11-25T04:42:36.549+00:00 error gateway " + std::string(1 << 20, 'z'),
                     huge) == LineVerdict::record);
  CHECK(huge.message.size() == (1u << 20));
  // Unstamped lines continue only an open record of this parser.
  const auto orphan = run_parser("openclaw-logs-plain", "Overview\nstray line\n");
  CHECK(orphan.events.empty());
  CHECK(orphan.no_match == 2);
}

TEST_CASE("openclaw-logs-json reads log records and skips the meta line", "[openclaw]") {
  const auto result = run_parser("openclaw-logs-json",
                                 read_corpus_file("real/01-healthy-start/logs-json.stdout.log"));
  CHECK(result.events.size() == 54);
  CHECK(result.skipped == 1);
  CHECK(result.no_match == 0);
  const Event& first = result.events[0];
  CHECK(first.time_text == "2026-11-25T04:41:55.374+00:00");
  CHECK(first.level == Level::info);
  CHECK(first.host == "vm");  // from "raw"
  CHECK(first.message == "Updated gateway.mode. Restart the gateway to apply.");
  const Event& cron = event_starting_with(result, "cron: job added");
  CHECK(cron.subsystem == "cron");
  CHECK(field_or_empty(cron, "jobName") == "Memory Dreaming Promotion");
  const Event& monitor = event_starting_with(result, "started (interval: 300s");
  CHECK(monitor.subsystem == "gateway/health-monitor");
  CHECK(format_timestamp(monitor.time) == "2026-11-25T04:42:41.091Z");
  for (const auto& e : result.events) CHECK(e.source == SourceKind::gateway);
}

TEST_CASE("openclaw-logs-json turns the command's own error object into an error record",
          "[openclaw]") {
  const auto result = run_parser(
      "openclaw-logs-json",
      read_corpus_file("real/21-logs-needs-credentials-runtime-token/logs-json.stderr.log"));
  REQUIRE(result.events.size() == 1);
  const Event& e = result.events[0];
  CHECK(e.level == Level::error);
  CHECK(e.message.rfind(
            "gateway logs.tail requires credentials before opening a websocket\nFix: configure",
            0) == 0);
  CHECK(field_or_empty(e, "hint") == "Hint: run `openclaw doctor`.");
  CHECK(field_or_empty(e, "url") == "ws://127.0.0.1:18789");
}

TEST_CASE("openclaw-logs-json refuses file-log lines, other types and garbage", "[openclaw]") {
  const std::string file_log = read_corpus_file("real/02-missing-config-no-file/input-2.log");
  const auto refused = run_parser("openclaw-logs-json", file_log);
  CHECK(refused.events.empty());
  CHECK(refused.no_match == 1);
  for (std::string_view bad : {R"({"type":"meta"})", R"({"type":"event","event":"tick"})",
                               R"({"type":"log","level":"info","message":"no time"})",
                               R"({"type":"log","time":)", "", "x", "\xff{"}) {
    CAPTURE(bad);
    Event e;
    CHECK(verdict_of("openclaw-logs-json", bad, e) == LineVerdict::no_match);
  }
}

TEST_CASE("openclaw-logs-plain drops the subsystem binding 2026.1.24-7.33 echo", "[openclaw]") {
  // `openclaw logs --plain` of 2026.3.8 and 6.11 (docs: shared openclaw-wording-by-version.md,
  // "openclaw logs"): the logger's `{"subsystem":"..."}` binding printed before the message.
  const auto result = run_parser(
      "openclaw-logs-plain",
      "2026-12-05T19:41:57.812Z warn gateway/ws {\"subsystem\":\"gateway/ws\"} unauthorized "
      "conn=85dfa37c remote=127.0.0.1 client=cli cli v2026.3.8 reason=token_mismatch\n"
      "2026-12-05T19:57:49.902+00:00 info gateway {\"subsystem\":\"gateway\"} gateway ready\n"
      "2026-12-05T19:57:50.000+00:00 info gateway {\"subsystem\":\"gateway\"}\n"
      "2026-12-05T19:57:51.000+00:00 info gateway {\"subsystem\": \"x\"} spaced is kept\n");
  REQUIRE(result.events.size() == 4);
  CHECK(result.events[0].subsystem == "gateway/ws");
  CHECK(result.events[0].message ==
        "unauthorized conn=85dfa37c remote=127.0.0.1 client=cli cli v2026.3.8 "
        "reason=token_mismatch");
  CHECK(result.events[1].message == "gateway ready");
  // without the space and a message after it, it is not the echo: kept as written
  CHECK(result.events[2].message == "{\"subsystem\":\"gateway\"}");
  CHECK(result.events[3].message == "{\"subsystem\": \"x\"} spaced is kept");
  // a Z stamp without the echo is another tool's line (docker -t, a shipper), not this format
  const auto other =
      run_parser("openclaw-logs-plain", "2026-12-05T19:41:57.812Z info something else happened\n");
  CHECK(other.events.empty());
}
