// Pins the syslog-shaped journal parsers (syslog-bsd, syslog-iso, journal-monotonic,
// journal-unix, journal-with-unit) on every corpus sample they own, the journalctl -x catalog
// and header lines, and their refusal of other formats and bad input.

#include <catch2/catch.hpp>

#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

namespace {

constexpr ParserOptions kYear2026{2026};

logdx::testing::HarnessResult run_file(std::string_view parser, const std::string& file) {
  return run_parser(parser, read_corpus_file(file), kYear2026);
}

std::string field_or(const Event& e, std::string_view key) {
  return std::string(e.field(key).value_or("<none>"));
}

}  // namespace

TEST_CASE("syslog-bsd reads journalctl -o short: systemd unit, node app, kernel", "[journal]") {
  const auto r = run_file("syslog-bsd", "formats/journalctl-short.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  const Event& started = r.events[0];
  CHECK(format_timestamp(started.time) == "2026-02-10T15:05:10");
  CHECK(started.time.kind == TimeKind::local);
  CHECK(started.time.year_inferred);
  CHECK(started.time_text == "Feb 10 15:05:10");
  CHECK(started.host == "openclaw-vps");
  CHECK(started.process == "systemd");
  CHECK(started.pid == 1);
  CHECK(started.source == SourceKind::systemd);
  CHECK(started.unit == "openclaw-gateway.service");
  CHECK(started.message == "Started openclaw-gateway.service - OpenClaw Gateway.");

  const Event& node = r.events[1];
  CHECK(node.process == "node");
  CHECK(node.pid == 4242);
  CHECK(node.message.starts_with("2026-02-10T15:05:12.411+00:00 [gateway] agent model:"));

  const Event& kernel = r.events[4];
  CHECK(kernel.process == "kernel");
  CHECK(kernel.source == SourceKind::kernel);
  CHECK_FALSE(kernel.pid.has_value());

  const Event& killed = r.events[9];
  CHECK(killed.message ==
        "openclaw-gateway.service: Main process exited, code=killed, status=9/KILL");
  CHECK(killed.unit == "openclaw-gateway.service");
  CHECK(field_or(killed, "exit_reason") == "killed");
  CHECK(field_or(killed, "signal") == "KILL");

  const Event& exited = r.events[17];
  CHECK(field_or(exited, "exit_code") == "1");
  CHECK(field_or(r.events[10], "result") == "oom-kill");
  CHECK(field_or(r.events[19], "restart_counter") == "5");
  CHECK(r.events[12].process == "openclaw");
  CHECK(r.events[12].source == SourceKind::gateway);
  // systemd[1021] is a user manager: same unit name, different instance.
  CHECK(field_or(started, "manager") == "system");
  CHECK(r.events[11].unit == "openclaw-gateway.service");
  CHECK(field_or(r.events[11], "manager") == "user");
  CHECK_FALSE(node.field("manager").has_value());
}

// `LC_ALL=zh_CN.UTF-8 journalctl` writes "%b" as "12月", ko_KR as " 7월" (a blank before 1-9);
// the stamps are glibc 2.36's (corpus/captured/glibc), the messages systemd v249's.
TEST_CASE("syslog-bsd reads journalctl in the CJK locales: the month is a number and 月/월",
          "[journal]") {
  const auto r = run_parser("syslog-bsd",
                            "12\xE6\x9C\x88 07 10:00:01 web-1 systemd[1]: api.service: Start "
                            "request repeated too quickly.\n"
                            " 9\xEC\x9B\x94 14 22:05:31 nas systemd[1]: backup.service: Failed "
                            "with result 'exit-code'.\n"
                            " 3\xE6\x9C\x88  5 08:12:01 jp-1 kernel: Out of memory: Killed "
                            "process 4242 (java)\n",
                            kYear2026);
  REQUIRE(r.events.size() == 3);
  CHECK(r.no_match == 0);
  CHECK(format_timestamp(r.events[0].time) == "2026-12-07T10:00:01");
  CHECK(r.events[0].host == "web-1");
  CHECK(r.events[0].unit == "api.service");
  CHECK(r.events[0].message == "api.service: Start request repeated too quickly.");
  CHECK(format_timestamp(r.events[1].time) == "2026-09-14T22:05:31");
  CHECK(r.events[1].unit == "backup.service");
  CHECK(format_timestamp(r.events[2].time) == "2026-03-05T08:12:01");
  CHECK(r.events[2].source == SourceKind::kernel);
}

TEST_CASE("syslog-bsd takes the year from the options and keeps short-precise micros",
          "[journal]") {
  const auto r = run_parser("syslog-bsd", read_corpus_file("formats/journalctl-short-precise.log"),
                            ParserOptions{2025});
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  CHECK(format_timestamp(r.events[0].time) == "2025-02-10T15:05:10.101274");
  CHECK(r.events[0].time.precision == TimePrecision::micros);
  CHECK(r.events[0].time_text == "Feb 10 15:05:10.101274");
  CHECK(r.events[22].message == "Failed to start openclaw-gateway.service - OpenClaw Gateway.");
}

TEST_CASE("syslog-iso reads journalctl -o short-iso and short-iso-precise as UTC", "[journal]") {
  const auto r = run_file("syslog-iso", "formats/journalctl-short-iso.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  CHECK(format_timestamp(r.events[0].time) == "2026-02-10T15:05:10Z");
  CHECK(r.events[0].time_text == "2026-02-10T15:05:10+0000");
  CHECK(r.events[15].process == "node");
  CHECK(r.events[15].pid == 5188);
  CHECK(r.events[15].message ==
        "Gateway failed to start: another gateway instance is already listening on "
        "ws://127.0.0.1:18789");

  const auto p = run_file("syslog-iso", "formats/journalctl-short-iso-precise.log");
  REQUIRE(p.events.size() == 23);
  CHECK(p.no_match == 0);
  CHECK(format_timestamp(p.events[9].time) == "2026-02-10T15:20:41.688080Z");
  CHECK(p.events[9].time_text == "2026-02-10T15:20:41.688080+0000");
}

// V8's fatal report (node 12-24 src/api/api.cc / node_errors.cc: "FATAL ERROR: Reached heap
// limit Allocation failed - JavaScript heap out of memory") and console loggers' level words
// behind a shipper's or a paste's ISO stamp: the level is not a host, the message keeps its head.
TEST_CASE("syslog-iso refuses a capitalised level word as the host", "[journal]") {
  const auto fatal = run_parser(
      "syslog-iso",
      "2026-03-05T08:20:25.123+00:00 FATAL ERROR: Reached heap limit Allocation failed - "
      "JavaScript heap out of memory\n"
      "2026-03-05T08:20:26+0000 INFO gateway: listening on ws://127.0.0.1:18789\n"
      "2026-03-05T08:20:27Z WARN node[42]: slow\n");
  CHECK(fatal.events.empty());
  CHECK(fatal.no_match == 3);
  // Real hosts still parse, in any case, with or without a [pid]; a level-like word in lower
  // case or mixed case is a host name someone chose.
  const auto hosts = run_parser("syslog-iso",
                                "2026-03-05T08:20:25+0000 WEB01 node[42]: x\n"
                                "2026-03-05T08:20:25+0000 info systemd[1]: y\n"
                                "2026-03-05T08:20:25+0000 Error kernel: z\n");
  REQUIRE(hosts.events.size() == 3);
  CHECK(hosts.events[0].host == "WEB01");
  CHECK(hosts.events[1].host == "info");
  CHECK(hosts.events[2].host == "Error");
  // The same holds after a BSD stamp.
  CHECK(run_parser("syslog-bsd", "Mar  5 08:20:25 ERROR app: boom\n", kYear2026).no_match == 1);
}

// toISOString's 'Z' stamp (node's console, the gateway's Discord provider "connection stalled:
// no HELLO received within 30000ms") in front of "word word: prose" is no host and tag: the
// ISO syslog writers print the offset as digits (journalctl short-iso "+0000", rsyslog RFC 3339
// "+00:00"), and under a 'Z' only syslog's own tag shape "name[pid]:" counts.
TEST_CASE("syslog-iso refuses a Z-stamped message word and colon as host and tag", "[journal]") {
  const auto console = run_parser(
      "syslog-iso",
      "2026-02-08T09:38:21.274Z connection stalled: no HELLO received within 30000ms\n"
      "2026-02-08T09:38:22Z gateway closed: code=1006 reason=\n");
  CHECK(console.events.empty());
  CHECK(console.no_match == 2);
  // Look-alikes that stay syslog: a digit offset with a pid-less tag (sudo, rsyslogd and
  // logger write none), and a 'Z' stamp with a [pid] tag or the kernel's.
  const auto syslog = run_parser(
      "syslog-iso",
      "2026-02-10T15:05:10.116113+00:00 openclaw-vps sudo:    alice : TTY=pts/0 ; USER=root\n"
      "2026-02-10T15:05:10+0000 openclaw-vps openclaw-digest.sh: digest sent\n"
      "2026-02-08T09:38:21.274Z openclaw-vps node[4242]: listening\n"
      "2026-02-08T09:38:21.274Z openclaw-vps kernel: Out of memory: Killed process 4242 (node)\n");
  REQUIRE(syslog.events.size() == 4);
  CHECK(syslog.events[0].process == "sudo");
  CHECK(syslog.events[1].process == "openclaw-digest.sh");
  CHECK(syslog.events[2].pid == 4242);
  CHECK(syslog.events[3].host == "openclaw-vps");
}

TEST_CASE("journal-monotonic reads short-monotonic and refuses dmesg text", "[journal]") {
  const auto r = run_file("journal-monotonic", "formats/journalctl-short-monotonic.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].time.kind == TimeKind::monotonic);
  CHECK(format_timestamp(r.events[0].time) == "1266.589311");
  CHECK(r.events[0].time_text == "[ 1266.589311]");
  CHECK(r.events[4].source == SourceKind::kernel);
  CHECK(r.events[9].unit == "openclaw-gateway.service");

  // "[ 2198.039394] Hardware name: QEMU ..." looks like "host ident: msg" without a pid.
  const auto dmesg = run_file("journal-monotonic", "formats/dmesg-raw.log");
  CHECK(dmesg.events.empty());
  CHECK(dmesg.no_match == 71);
}

TEST_CASE("journal-unix reads short-unix as UTC microseconds", "[journal]") {
  const auto r = run_file("journal-unix", "formats/journalctl-short-unix.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  CHECK(format_timestamp(r.events[0].time) == "2026-02-10T15:05:10.101274Z");
  CHECK(r.events[0].time_text == "1770735910.101274");
  CHECK(r.events[12].process == "openclaw");
  CHECK(r.events[12].pid == 5120);
}

TEST_CASE("journal-with-unit maps the unit column: init.scope, user units, kernel", "[journal]") {
  const auto r = run_file("journal-with-unit", "formats/journalctl-with-unit.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  const Event& init = r.events[0];
  CHECK(format_timestamp(init.time) == "2026-02-10T15:05:10Z");
  CHECK(init.time_text == "Tue 2026-02-10 15:05:10 UTC");
  CHECK(init.process == "systemd");
  CHECK(init.source == SourceKind::systemd);
  CHECK(init.unit == "openclaw-gateway.service");  // the unit the message is about

  const Event& gateway = r.events[1];
  CHECK(gateway.unit == "openclaw-gateway.service");
  CHECK(gateway.process.empty());
  CHECK(gateway.pid == 4242);
  CHECK(gateway.source == SourceKind::gateway);

  const Event& user = r.events[12];
  CHECK(user.unit == "openclaw-gateway.service");
  CHECK(field_or(user, "user_manager") == "user@1000.service");
  CHECK(user.pid == 5120);
  CHECK(user.source == SourceKind::gateway);
  CHECK(r.events[4].process == "kernel");
  CHECK(r.events[4].source == SourceKind::kernel);
}

TEST_CASE("journalctl -x catalog lines attach to the entry above, never become events",
          "[journal]") {
  const auto r = run_file("syslog-bsd", "formats/journalctl-x-catalog.log");
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 0);
  const Event& started = r.events[0];
  CHECK(started.where.line_count == 8);
  CHECK(field_or(started, "catalog") ==
        "Subject: A start job for unit openclaw-gateway.service has finished successfully\n"
        "Defined-By: systemd\nSupport: https://www.debian.org/support\n\n"
        "A start job for unit openclaw-gateway.service has finished successfully.\n\n"
        "The job identifier is 1183.");
  CHECK(started.message == "Started openclaw-gateway.service - OpenClaw Gateway.");
  CHECK(r.events[1].where.line == 9);
  CHECK_FALSE(r.events[1].field("catalog").has_value());
}

TEST_CASE("journalctl header lines are skipped and the old '-- Subject:' catalog attaches",
          "[journal]") {
  const std::string text =
      "-- Logs begin at Mon 2026-02-09 10:00:01 UTC, end at Tue 2026-02-10 15:30:00 UTC. --\n"
      "Feb 10 15:20:48 vps systemd[1]: openclaw.service: Failed with result 'exit-code'.\n"
      "-- Subject: Unit failed\n"
      "-- Defined-By: systemd\n"
      "-- \n"
      "-- The unit openclaw.service has entered the 'failed' state with result 'exit-code'.\n"
      "-- Reboot --\n"
      "-- Boot 3c1e5d2f8a7b4e06b1d9c2f4a5e6b7c8 --\n"
      "Feb 10 15:25:00 vps kernel: Linux version 6.1.0\n"
      "-- No entries --\n"
      "-- Journal begins at Mon 2026-02-09 10:00:01 UTC, ends at Tue 2026-02-10 15:30:00 UTC. --\n"
      "Hint: You are currently not seeing messages from other users and the system.\n"
      "      Users in groups 'adm', 'systemd-journal' can see all messages.\n"
      "      Pass -q to turn off this notice.\n";
  const auto r = run_parser("syslog-bsd", text, kYear2026);
  REQUIRE(r.events.size() == 2);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 8);
  CHECK(r.events[0].where.line_count == 5);
  CHECK(field_or(r.events[0], "catalog") ==
        "Subject: Unit failed\nDefined-By: systemd\n\n"
        "The unit openclaw.service has entered the 'failed' state with result 'exit-code'.");
  CHECK(r.events[1].message == "Linux version 6.1.0");
  // Without an entry above, "-- " text is not ours.
  CHECK(run_parser("syslog-bsd", "-- SELECT 1;\n", kYear2026).no_match == 1);
}

TEST_CASE("rsyslog files: kern.log drops the uptime stamp, syslog keeps kernel indentation",
          "[journal]") {
  const auto k = run_file("syslog-bsd", "formats/kernlog-traditional.log");
  REQUIRE(k.events.size() == 64);
  CHECK(k.no_match == 0);
  const Event& ufw = k.events[2];
  CHECK(ufw.process == "kernel");
  CHECK(ufw.source == SourceKind::kernel);
  CHECK(field_or(ufw, "uptime") == "1532.887102");
  CHECK(ufw.message.starts_with("[UFW BLOCK] IN=eth0 OUT= MAC="));
  CHECK(k.events[7].message == " <TASK>");

  const auto t = run_file("syslog-bsd", "formats/syslog-traditional.log");
  REQUIRE(t.events.size() == 72);
  CHECK(t.no_match == 0);
  CHECK(t.events[8].message == " dump_stack_lvl+0x44/0x5c");
  CHECK(t.events[71].process == "node");
  CHECK(t.events[71].pid == 5188);

  const auto iso = run_file("syslog-iso", "formats/syslog-rfc3339.log");
  REQUIRE(iso.events.size() == 72);
  CHECK(iso.no_match == 0);
  CHECK(format_timestamp(iso.events[0].time) == "2026-02-10T15:03:50.716511Z");
  CHECK(iso.events[0].time_text == "2026-02-10T15:03:50.716511+00:00");
  CHECK(iso.events[64].unit == "openclaw-gateway.service");
  CHECK(iso.events[64].source == SourceKind::systemd);
}

TEST_CASE("syslog-bsd reads macOS launchd lines: the job label is the unit", "[journal]") {
  const auto r =
      run_file("syslog-bsd", "cases/41-restart-loop-launchd-bad-node-option/input-1.log");
  REQUIRE(r.events.size() == 40);
  CHECK(r.no_match == 0);
  const Event& exited = r.events[0];
  CHECK(exited.host == "Annas-MacBook-Air");
  CHECK(exited.process == "com.apple.xpc.launchd");
  CHECK(exited.pid == 1);
  CHECK(exited.unit == "ai.openclaw.gateway");
  CHECK(field_or(exited, "unit_pid") == "48211");
  CHECK(field_or(exited, "exit_code") == "1");
  CHECK(exited.source == SourceKind::systemd);
  CHECK(exited.message == "Service exited with abnormal code: 1");
  CHECK(field_or(r.events[6], "signal") == "KILL");
}

TEST_CASE("journal envelopes of the diagnosis cases parse with no unmatched line", "[journal]") {
  struct Case {
    const char* parser;
    const char* file;
    std::size_t events;
  };
  const Case cases[] = {
      {"syslog-iso", "cases/01-port-conflict-systemd-docker-proxy/input.log", 70},
      {"syslog-bsd", "cases/10-missing-executable-203-exec-catalog/input.log", 46},
      {"syslog-bsd", "cases/12-host-port-mismatch-client-3001/input.log", 25},
      {"syslog-bsd", "cases/14-proxy-upstream-refused-nginx-wrong-port/input-1.log", 14},
      {"syslog-iso", "cases/16-token-mismatch-4008-control-ui/input-1.log", 23},
      {"syslog-iso", "cases/21-none-oom-kill-of-postgres-not-gateway/input-1.log", 17},
      {"syslog-bsd", "cases/31-duplicate-instance-user-and-system-unit/input.log", 190},
      {"syslog-iso", "cases/32-host-port-mismatch-bridge-vs-gateway/input-1.log", 37},
      {"syslog-bsd", "cases/34-nginx-upstream-wrong-port-gateway-healthy/input-1.log", 35},
      {"syslog-bsd", "cases/40-permission-denied-after-sudo-invalid-utf8/input.log", 83},
      {"syslog-iso", "cases/46-negative-normal-closes-and-error-in-chat/input.log", 95},
      {"syslog-iso", "cases/48-missing-config-user-unit-exit78-no-loop/input.log", 46},
      {"syslog-iso", "cases/06-low-memory-256mb-vps/input.log", 28},
      {"syslog-bsd", "cases/11-gateway-not-running-stopped-yesterday-out-of-order/input.log", 89},
      {"syslog-bsd", "cases/13-firewall-ufw-blocks-18789/input-2.log", 32},
      {"syslog-bsd", "cases/24-none-error-words-in-chat-invalid-utf8/input.log", 26},
      {"syslog-iso", "cases/33-firewall-ufw-remote-timeout/input-2.log", 40},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const auto r = run_file(c.parser, c.file);
    CHECK(r.events.size() == c.events);
    CHECK(r.no_match == 0);
  }
  // Case 10 is journalctl -x: 214 catalog lines ride on 46 entries.
  const auto catalog =
      run_file("syslog-bsd", "cases/10-missing-executable-203-exec-catalog/input.log");
  std::size_t lines = 0;
  for (const auto& e : catalog.events) lines += e.where.line_count;
  CHECK(lines == 260);
}

TEST_CASE("the non-journal inputs of the journal cases are refused line by line", "[journal]") {
  // Mixed-in sources of multi-input cases: other formats, so every line is no_match.
  CHECK(run_file("syslog-bsd", "cases/14-proxy-upstream-refused-nginx-wrong-port/input-2.log")
            .no_match == 11);  // nginx error.log
  CHECK(run_file("syslog-bsd", "cases/14-proxy-upstream-refused-nginx-wrong-port/input-3.log")
            .no_match == 9);  // nginx access.log
  CHECK(run_file("syslog-iso", "cases/16-token-mismatch-4008-control-ui/input-2.log").no_match ==
        9);  // Control UI console
  CHECK(run_file("syslog-iso", "cases/32-host-port-mismatch-bridge-vs-gateway/input-2.log")
            .no_match == 32);  // bridge console "2026-...+00:00 [bridge] ..."
  CHECK(run_file("journal-monotonic", "cases/21-none-oom-kill-of-postgres-not-gateway/input-2.log")
            .events.empty());  // raw dmesg
}

TEST_CASE("short parsers refuse garbage, other formats, truncated prefixes, huge lines",
          "[journal]") {
  const std::string huge = "Feb 10 15:05:10 host node[1]: " + std::string(1 << 20, 'x');
  const auto big = run_parser("syslog-bsd", huge, kYear2026);
  REQUIRE(big.events.size() == 1);
  CHECK(big.events[0].message.size() == 1 << 20);

  const std::string invalid = "Feb 10 15:05:10 host node[1]: caf\xC3 \xFF\xFE end";
  const auto bad_utf8 = run_parser("syslog-bsd", invalid, kYear2026);
  REQUIRE(bad_utf8.events.size() == 1);
  CHECK(bad_utf8.events[0].message == "caf\xC3 \xFF\xFE end");

  for (std::string_view parser :
       {"syslog-bsd", "syslog-iso", "journal-monotonic", "journal-unix", "journal-with-unit"}) {
    INFO(parser);
    for (std::string_view line :
         {std::string_view(""), std::string_view("\x01\x02\xFF\xFE garbage"),
          std::string_view("Feb 10 15:05:10 host"),
          std::string_view("Feb 10 15:05:10 host node[12"),
          std::string_view("2026-02-10T15:05:10+0000 openclaw-vps"),
          std::string_view("2026-02-10T15:05:12.411+00:00 [gateway] listening on ws://127.0.0.1"),
          std::string_view("2026/10/20 09:14:21 [error] 1203#1203: *3 connect() failed"),
          std::string_view("[ 2198.039396] Call Trace:"),
          std::string_view("{\"MESSAGE\":\"x\",\"_PID\":\"1\"}"),
          std::string_view("0|openclaw | 2026-03-05T08:20:25: listening")}) {
      INFO(line);
      const auto r = run_parser(parser, std::string(line) + "\n", kYear2026);
      CHECK(r.events.empty());
      CHECK(r.no_match == 1);
    }
  }
  // A zone-less ISO stamp is a console line, not rsyslog / journalctl.
  CHECK(run_parser("syslog-iso", "2026-02-10T15:05:10 host node[1]: x").no_match == 1);
}

// `journalctl --no-hostname` (systemd v230+, src/shared/logs-show.c drops the hostname column
// under OUTPUT_NO_HOSTNAME) and pastes whose host column was cut away:
// "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly."
TEST_CASE("syslog-bsd reads lines without a host column", "[journal]") {
  const auto r = run_parser("syslog-bsd",
                            "Jun 30 13:25:13 systemd[1]: ananicy.service: Failed with result "
                            "'exit-code'.\n"
                            "Jun 30 13:25:14 node[4211]: Error: listen EADDRINUSE :::3000\n"
                            "Jun 30 13:25:15 kernel: Out of memory: Killed process 4211 (node)\n",
                            kYear2026);
  REQUIRE(r.events.size() == 3);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].host.empty());
  CHECK(r.events[0].process == "systemd");
  CHECK(r.events[0].pid == 1);
  CHECK(r.events[0].unit == "ananicy.service");
  CHECK(r.events[0].source == SourceKind::systemd);
  CHECK(r.events[0].message == "ananicy.service: Failed with result 'exit-code'.");
  CHECK(r.events[1].process == "node");
  CHECK(r.events[1].message == "Error: listen EADDRINUSE :::3000");
  CHECK(r.events[2].source == SourceKind::kernel);
  // A host column still wins when there is one.
  const auto hosted = run_parser("syslog-bsd", "Mar 06 02:30:04 c1 systemd[1]: x failed.\n");
  REQUIRE(hosted.events.size() == 1);
  CHECK(hosted.events[0].host == "c1");
  // Without a host, a word and a colon is text, not an identifier: only ident[pid] or kernel.
  for (std::string_view line : {"Mar  5 08:20:25 ERROR: disk full", "Mar  5 08:20:25 note: x",
                                "Mar  5 08:20:25 [gateway] ready"}) {
    INFO(line);
    CHECK(run_parser("syslog-bsd", line, kYear2026).no_match == 1);
  }
}

// journalctl formats its short stamp with strftime("%b %d %H:%M:%S"), so the month is in the
// host's locale (glibc abmon): "mars 30 19:57:24 osmc systemd[1]: ..." under LANG=fr_FR.UTF-8.
TEST_CASE("syslog-bsd reads journalctl short lines with localised months", "[journal]") {
  const auto r = run_parser(
      "syslog-bsd",
      "mars 30 19:57:24 osmc systemd[1]: foo.service: Start request repeated too quickly.\n"
      "janv. 05 10:00:00 osmc systemd[1]: Failed to start Foo.\n"
      "M\xC3\xA4r 30 19:57:24 pi systemd[1]: foo.service: Failed with result 'exit-code'.\n",
      kYear2026);
  REQUIRE(r.events.size() == 3);
  CHECK(r.no_match == 0);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-30T19:57:24");
  CHECK(r.events[0].time_text == "mars 30 19:57:24");
  CHECK(r.events[0].unit == "foo.service");
  CHECK(format_timestamp(r.events[1].time) == "2026-01-05T10:00:00");
  CHECK(r.events[2].host == "pi");
}
