// openclaw-console and gateway-wrapper: every gateway console capture in corpus/real, the
// continuation rule for multi-line console messages, and refusal of look-alike stamps.

#include <catch2/catch.hpp>

#include "openclaw_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

struct ConsoleFile {
  const char* path;
  std::size_t records;
  std::size_t no_match;
};

// Continuation lines = lines - records - no_match (no skips in this format).
constexpr ConsoleFile kConsoleFiles[] = {
    {"real/01-healthy-start/input.log", 22, 0},
    {"real/04-invalid-config-bad-json/input.log", 2, 0},
    {"real/04-invalid-config-bad-json/input-2.log", 2, 0},
    {"real/05-invalid-config-wrong-type/input.log", 2,
     0},  // + 3 lines of the invalid-config report
    {"real/05-invalid-config-wrong-type/input-2.log", 5, 0},
    {"real/06-port-conflict-foreign-process/input.log", 4, 0},  // + "If the gateway is supervised"
    {"real/06-port-conflict-foreign-process/input-2.log", 9, 0},
    {"real/07-port-conflict-second-gateway/input.log", 22, 0},
    {"real/07-port-conflict-second-gateway/input-3.log", 4, 0},
    {"real/07-port-conflict-second-gateway/input-4.log", 9, 0},
    {"real/08-token-mismatch/input.log", 12, 0},
    {"real/08-token-mismatch/input-2.log", 22, 0},
    {"real/09-device-token-mismatch/input.log", 10, 0},
    {"real/13-pm2-restart-loop-gateway-port-conflict/input-2.log", 18, 0},  // + 4 continuations
    {"real/13-pm2-restart-loop-gateway-port-conflict/input-3.log", 36, 0},
    {"real/15-node-heap-oom-gateway/input-3.log", 5, 0},
    {"real/19-pm2-gateway-config-autorestored/input.log", 21, 0},
    {"real/20-refuse-bind-without-auth-container/input.log", 1, 0},  // + 2 lines of the refusal
    {"real/20-refuse-bind-without-auth-container/input-2.log", 2, 0},
    {"real/21-logs-needs-credentials-runtime-token/input.log", 23, 0},
    {"real/21-logs-needs-credentials-runtime-token/input-2.log", 1, 0},
    {"real/22-pm2-healthy-gateway/input.log", 23, 0},
    {"formats/pm2-app-out.log", 20, 0},
    {"formats/pm2-app-error.log", 10, 0},  // each EADDRINUSE record + its second line
    // Unstamped early error: no record to continue; openclaw-cli claims the line.
    {"real/02-missing-config-no-file/input.log", 0, 1},
    // The V8 OOM block on stderr is Node's, not the console's: all refused.
    {"real/15-node-heap-oom-gateway/input.log", 0, 17},
    {"real/15-node-heap-oom-gateway/input-2.log", 0, 18},
    // A launchd gateway.log: "node: bad option" between console lines is node's own line.
    {"cases/41-restart-loop-launchd-bad-node-option/input-2.log", 18, 18},
    // A raw ws client's "<ISO>Z open ws://..." lines: docker-like Z stamps, not openclaw's.
    {"real/08-token-mismatch/input-4.log", 0, 5},
};

}  // namespace

TEST_CASE("openclaw-console parses every gateway console capture with the expected counts",
          "[openclaw]") {
  for (const auto& file : kConsoleFiles) {
    CAPTURE(file.path);
    const auto result = run_parser("openclaw-console", read_corpus_file(file.path));
    CHECK(result.events.size() == file.records);
    CHECK(result.no_match == file.no_match);
    CHECK(result.skipped == 0);
    for (const auto& event : result.events) {
      CHECK(event.source == SourceKind::gateway);
      CHECK(event.process == "openclaw");
      CHECK(event.level == Level::unknown);  // the console does not print levels
    }
  }
}

TEST_CASE("openclaw-console reads stamp, subsystem and message of a healthy start", "[openclaw]") {
  const auto result =
      run_parser("openclaw-console", read_corpus_file("real/01-healthy-start/input.log"));
  REQUIRE(result.events.size() == 22);
  const Event& first = result.events[0];
  CHECK(format_timestamp(first.time) == "2026-11-25T04:42:36.549Z");
  CHECK(first.time_text == "2026-11-25T04:42:36.549+00:00");
  CHECK(first.time.precision == TimePrecision::millis);
  CHECK(first.subsystem == "gateway");
  CHECK(first.message == "loading configuration…");
  const Event& monitor = result.events[6];
  CHECK(monitor.subsystem == "health-monitor");
  CHECK(monitor.message ==
        "started (interval: 300s, startup-grace: 60s, channel-connect-grace: 120s)");
  const Event& last = result.events.back();
  CHECK(last.subsystem == "shutdown");
  CHECK(last.message == "completed cleanly in 102ms");
  CHECK(format_timestamp(last.time) == "2026-11-25T04:42:57.816Z");
}

TEST_CASE("openclaw-console joins the unstamped lines of a multi-line console message",
          "[openclaw]") {
  const auto conflict = run_parser(
      "openclaw-console", read_corpus_file("real/06-port-conflict-foreign-process/input.log"));
  REQUIRE(conflict.events.size() == 4);
  const Event& failed = conflict.events[0];
  CHECK(failed.subsystem.empty());
  CHECK(failed.where.line_count == 2);
  CHECK(failed.message ==
        "Gateway failed to start: another gateway instance is already listening on "
        "ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | "
        "EADDRINUSE\nIf the gateway is supervised, stop it with: openclaw gateway stop");
  CHECK(conflict.events[1].message == "Port 18789 is already in use.");
  CHECK(format_timestamp(conflict.events[1].time) == "2026-11-25T04:47:56.601Z");

  const auto invalid = run_parser("openclaw-console",
                                  read_corpus_file("real/05-invalid-config-wrong-type/input.log"));
  REQUIRE(invalid.events.size() == 2);
  CHECK(invalid.events[0].where.line_count == 4);
  CHECK(invalid.events[0].message.find("\nopenclaw.json:4 — gateway.port: Invalid input") !=
        std::string::npos);
  CHECK(invalid.events[1].message ==
        "Run \"openclaw doctor --fix\" to repair the config, then retry.");
}

TEST_CASE("openclaw-console continues only records without a subsystem, never with other shapes",
          "[openclaw]") {
  const std::string stamp = "2026-11-25T04:47:56.488+00:00 ";
  // After a [subsystem] record an unstamped line is someone else's (kernel, node).
  auto r = run_parser("openclaw-console", stamp +
                                              "[gateway] loading configuration…\n"
                                              "node invoked oom-killer: gfp_mask=0x140cca\n");
  CHECK(r.events.size() == 1);
  CHECK(r.no_match == 1);
  // After a subsystem-less record: stack frames, V8 blocks, other stamps and blanks are refused.
  r = run_parser("openclaw-console", stamp +
                                         "Gateway failed to start: boom\n"
                                         "    at Server.listen (node:net:1:1)\n"
                                         "<--- Last few GCs --->\n"
                                         "TypeError: x is not a function\n"
                                         "2026-11-25T04:47:56Z other stamp\n"
                                         "\n"
                                         "{\"log\":\"x\"}\n");
  CHECK(r.events.size() == 1);
  CHECK(r.no_match == 6);
  CHECK(r.events[0].message == "Gateway failed to start: boom");
  // A blank line ends the record: the next unstamped line does not join it.
  r = run_parser("openclaw-console", stamp +
                                         "Refusing to bind gateway to auto without auth.\n\nSet "
                                         "OPENCLAW_GATEWAY_TOKEN\n");
  CHECK(r.events.size() == 1);
  CHECK(r.no_match == 2);
}

TEST_CASE("openclaw-console reads older builds' and other openclaw clients' lines", "[openclaw]") {
  Event legacy;
  REQUIRE(verdict_of("openclaw-console",
                     "2026-02-10T15:05:12.418+00:00 [gateway] listening on ws://127.0.0.1:18789 "
                     "(PID 4242)",
                     legacy) == LineVerdict::record);
  CHECK(legacy.subsystem == "gateway");
  CHECK(legacy.message == "listening on ws://127.0.0.1:18789 (PID 4242)");
  Event nested;
  REQUIRE(verdict_of("openclaw-console",
                     "2026-05-02T21:14:14.943+00:00 [agent/embedded] run failed: timeout",
                     nested) == LineVerdict::record);
  CHECK(nested.subsystem == "agent/embedded");
  const auto cat = run_parser("openclaw-console", read_corpus_file("formats/journalctl-cat.log"));
  CHECK(cat.events.size() == 4);  // the gateway's lines among systemd and kernel text
  CHECK(cat.no_match == 19);
}

TEST_CASE("openclaw-console accepts only openclaw's exact stamp shape", "[openclaw]") {
  Event e;
  CHECK(verdict_of("openclaw-console", "2026-11-25T04:42:36.549-05:00 [ws] x", e) ==
        LineVerdict::record);
  CHECK(format_timestamp(e.time) == "2026-11-25T09:42:36.549Z");
  CHECK(e.subsystem == "ws");
  Event bare;
  CHECK(verdict_of("openclaw-console", "2026-11-25T04:42:36.549+00:00", bare) ==
        LineVerdict::record);
  CHECK(bare.message.empty());
  // Reformatted through JavaScript's Date#toISOString() (node 20, `new Date().toISOString()`):
  // the same three digits with "Z" for the zone.
  Event utc;
  CHECK(verdict_of("openclaw-console", "2026-11-25T04:42:36.549Z [gateway] listening on ws://x",
                   utc) == LineVerdict::record);
  CHECK(format_timestamp(utc.time) == "2026-11-25T04:42:36.549Z");
  CHECK(utc.subsystem == "gateway");
  for (std::string_view bad :
       {"2026-03-05T08:20:25+0000 vm node[2301]: x",              // journalctl short-iso
        "2026-03-05T08:20:25.123456+00:00 vm node[2301]: x",      // rsyslog RFC 3339
        "2026-12-01T09:00:00.050000971Z [entrypoint] x",          // docker logs -t
        "2026-11-25T04:42:36+00:00 [gateway] x",                  // no milliseconds
        "2026-11-25T04:42:36.549 [gateway] x",                    // no offset
        "2026-11-25T04:42:36.549+00:00[gateway] x",               // no space after the stamp
        "2026-11-25T04:42:36.549Z[gateway] x",                    // nor after a Z
        "2026-11-25T04:42:36.549z [gateway] x",                   // lower-case z
        "2026-11-25T04:50:57.036Z open ws://127.0.0.1:18789",     // openclaw's ws client trace
        "2026-13-25T04:42:36.549+00:00 [gateway] x",              // month 13
        "2026-11-25T04:42:36.5",                                  // truncated
        "2026-11-25T04:47:56: PM2 log: App [openclaw:0] online",  // pm2.log
        "[gateway] requires state migration.",                    // no stamp, no open record
        "", "\xff\xfe\x80 garbage \xc3"}) {
    CAPTURE(bad);
    Event event;
    CHECK(verdict_of("openclaw-console", bad, event) == LineVerdict::no_match);
  }
}

TEST_CASE("openclaw-console survives a 1 MB line and keeps invalid bytes", "[openclaw]") {
  std::string huge = "2026-11-25T04:42:36.549+00:00 [gateway] " + std::string(1 << 20, 'x');
  Event e;
  REQUIRE(verdict_of("openclaw-console", huge, e) == LineVerdict::record);
  CHECK(e.message.size() == (1u << 20));
  Event garbage;
  CHECK(verdict_of("openclaw-console", std::string(1 << 20, '\x9f'), garbage) ==
        LineVerdict::no_match);
  Event bytes;
  REQUIRE(verdict_of("openclaw-console", "2026-11-25T04:42:36.549+00:00 caf\xe9 \xff", bytes) ==
          LineVerdict::record);
  CHECK(bytes.message == "caf\xe9 \xff");
}

TEST_CASE("gateway-wrapper takes a desktop wrapper's own name for the child", "[openclaw]") {
  // Electron wrappers relay the child's stdio under their own name for it; the line is as a
  // desktop wrapper's electron-log file shows it once its own prefix is read.
  Event e;
  REQUIRE(verdict_of("gateway-wrapper",
                     "[OpenClaw stderr] [openclaw] Unhandled promise rejection: TypeError: "
                     "Invalid URL",
                     e) == LineVerdict::record);
  CHECK(e.message == "[openclaw] Unhandled promise rejection: TypeError: Invalid URL");
  CHECK(e.source == SourceKind::gateway);
  Event other;
  REQUIRE(verdict_of("gateway-wrapper", "[Skill Worker stdout] ready", other) ==
          LineVerdict::record);
  CHECK(other.source == SourceKind::app);
  CHECK(other.process == "Skill Worker");
  for (std::string_view bad : {"[stderr] x", "[1 stderr] x", "[OpenClaw stdin] x"}) {
    CAPTURE(bad);
    Event event;
    CHECK(verdict_of("gateway-wrapper", bad, event) == LineVerdict::no_match);
  }
}

TEST_CASE("gateway-wrapper takes the inner line and the stream", "[openclaw]") {
  Event e;
  REQUIRE(verdict_of("gateway-wrapper",
                     "[Gateway stderr] 2026-11-25T04:47:56.601+00:00 Port 18789 is already in use.",
                     e) == LineVerdict::record);
  CHECK(e.message == "2026-11-25T04:47:56.601+00:00 Port 18789 is already in use.");
  CHECK(field_or_empty(e, "stream") == "stderr");
  CHECK(e.source == SourceKind::gateway);
  Event out;
  REQUIRE(verdict_of("gateway-wrapper",
                     "[Gateway stdout] [gateway] listening on ws://127.0.0.1:18789",
                     out) == LineVerdict::record);
  CHECK(out.message == "[gateway] listening on ws://127.0.0.1:18789");
  CHECK(field_or_empty(out, "stream") == "stdout");
  for (std::string_view bad : {"[Gateway stdin] x", "[gateway] x", "[Gateway stderr]x",
                               "Gateway stderr x", "", "\xff\xfe"}) {
    CAPTURE(bad);
    Event event;
    CHECK(verdict_of("gateway-wrapper", bad, event) == LineVerdict::no_match);
  }
  const auto console =
      run_parser("gateway-wrapper", read_corpus_file("real/01-healthy-start/input.log"));
  CHECK(console.events.empty());
  CHECK(console.no_match == 22);
}
