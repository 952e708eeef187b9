// Pins systemctl-status: the unit block is one record with the unit's state in fields, the
// journal tail after the blank line is ordinary short-format records.

#include <catch2/catch.hpp>

#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

namespace {

constexpr ParserOptions kYear2026{2026};

std::string field_or(const Event& e, std::string_view key) {
  return std::string(e.field(key).value_or("<none>"));
}

}  // namespace

TEST_CASE("systemctl-status: failed unit block with exit code, then the journal tail",
          "[journal]") {
  const auto r = run_parser("systemctl-status",
                            read_corpus_file("formats/systemctl-status-failed.log"), kYear2026);
  REQUIRE(r.events.size() == 10);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 1);  // the blank line between block and tail
  const Event& block = r.events[0];
  CHECK(block.where.line_count == 6);
  CHECK(block.unit == "openclaw-gateway.service");
  CHECK(block.source == SourceKind::systemd);
  CHECK(block.level == Level::error);
  CHECK(block.pid == 5361);
  CHECK(format_timestamp(block.time) == "2026-02-10T15:21:09Z");
  CHECK(block.time_text == "Tue 2026-02-10 15:21:09 UTC");
  CHECK(field_or(block, "active_state") == "failed");
  CHECK(field_or(block, "result") == "exit-code");
  CHECK(field_or(block, "exit_code") == "1");
  CHECK(field_or(block, "exit_status") == "1/FAILURE");
  CHECK(field_or(block, "description") == "OpenClaw Gateway");
  CHECK(field_or(block, "manager") == "system");
  CHECK(block.message.starts_with("openclaw-gateway.service - OpenClaw Gateway\nLoaded: loaded ("));

  const Event& tail = r.events[1];
  CHECK(tail.where.line == 8);
  CHECK(tail.time_text == "Feb 10 15:21:04");
  CHECK(tail.process == "systemd");
  CHECK(tail.unit == "openclaw-gateway.service");
  CHECK(field_or(tail, "exit_code") == "1");
}

TEST_CASE("systemctl-status: active unit with CGroup tree, main PID process", "[journal]") {
  const auto r = run_parser("systemctl-status",
                            read_corpus_file("formats/systemctl-status-active.log"), kYear2026);
  REQUIRE(r.events.size() == 5);
  CHECK(r.no_match == 0);
  const Event& block = r.events[0];
  CHECK(block.where.line_count == 10);  // header, 7 keys, 2 CGroup tree lines
  CHECK(block.pid == 4242);
  CHECK(block.process == "node");
  CHECK(block.level == Level::info);
  CHECK(field_or(block, "active_state") == "active");
  CHECK(field_or(block, "sub_state") == "running");
  CHECK_FALSE(block.field("exit_code").has_value());
  CHECK(block.message.ends_with("\u2514\u25004260 \"openclaw-gateway spawn-broker\""));
  CHECK(r.events[4].message == "2026-02-10T15:05:16.993+00:00 [gateway] ready");
  CHECK(r.events[4].pid == 4242);
}

TEST_CASE("systemctl-status: user unit killed by the OOM killer", "[journal]") {
  const auto r = run_parser("systemctl-status",
                            read_corpus_file("formats/systemctl-status-user-oom.log"), kYear2026);
  REQUIRE(r.events.size() == 7);
  CHECK(r.no_match == 0);
  const Event& block = r.events[0];
  CHECK(field_or(block, "manager") == "user");
  CHECK(field_or(block, "unit_file") == "/home/oc/.config/systemd/user/openclaw-gateway.service");
  CHECK(field_or(block, "result") == "oom-kill");
  CHECK(field_or(block, "exit_reason") == "killed");
  CHECK(field_or(block, "signal") == "KILL");
  CHECK(block.pid == 4242);
  CHECK(r.events[3].process == "systemd");
  CHECK(r.events[3].pid == 1021);
  CHECK(r.events[3].unit == "openclaw-gateway.service");
}

TEST_CASE("systemctl-status: hints, warnings, missing units; refuses other text", "[journal]") {
  const std::string text =
      "Warning: The unit file, source configuration file or drop-ins of openclaw.service changed "
      "on disk. Run 'systemctl daemon-reload' to reload units.\n"
      "Unit clawbot.service could not be found.\n"
      "Hint: Some lines were ellipsized, use -l to show in full.\n"
      "   Active: failed\n"  // indented text outside a block is not ours
      "\xE2\x97\x8F not-a-unit - Description\n"
      "\x01\xFF garbage\n"
      "\n";
  const auto r = run_parser("systemctl-status", text, kYear2026);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].level == Level::warning);
  CHECK(r.events[1].unit == "clawbot.service");
  CHECK(r.events[1].level == Level::error);
  CHECK(r.skipped == 1);
  CHECK(r.no_match == 4);

  const std::string huge =
      "\xC3\x97 openclaw.service - X\n     Active: " + std::string(1 << 20, 'y');
  const auto big = run_parser("systemctl-status", huge, kYear2026);
  REQUIRE(big.events.size() == 1);
  CHECK(big.events[0].where.line_count == 2);
}

// What pastes of `systemctl status` lose or keep from older systemd: the state mark dropped in
// the copy, and systemd v232's labels right-aligned to "Main PID", which starts in column 0
// (src/systemctl/systemctl.c print_status_info, e.g. Raspbian stretch).
TEST_CASE("systemctl-status: a block without its mark, an unindented Main PID", "[journal]") {
  const std::string text =
      "process-exporter.service - process_exporter\n"
      "     Loaded: loaded (/lib/systemd/system/process-exporter.service; disabled; vendor "
      "preset: enabled)\n"
      "     Active: failed (Result: exit-code) since Wed 2022-11-30 03:21:49 UTC; 8s ago\n"
      "\n"
      "\xE2\x97\x8F nodered.service - Node-RED graphical event wiring tool\n"
      "  Loaded: loaded (/lib/systemd/system/nodered.service; enabled; vendor preset: enabled)\n"
      "  Active: failed (Result: exit-code) since Fri 2018-12-14 19:00:57 GMT; 2s ago\n"
      "Main PID: 2627 (code=exited, status=127)\n"
      "\n"
      "foo.service is not a header without a description\n"
      "my-notes.txt - a plain line with a dash\n";
  const auto r = run_parser("systemctl-status", text, kYear2026);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].unit == "process-exporter.service");
  CHECK(r.events[0].where.line_count == 3);
  CHECK(field_or(r.events[0], "result") == "exit-code");
  CHECK(r.events[1].unit == "nodered.service");
  CHECK(r.events[1].where.line_count == 4);
  CHECK(r.events[1].pid == 2627);
  CHECK(field_or(r.events[1], "exit_status") == "127");
  CHECK(r.no_match == 2);
}

// systemd v252 `systemctl status` (src/systemctl/systemctl-show.c print_status_info) pasted
// into an issue body, which took every line's indentation away: the labels and the CGroup
// tree still belong to the block; a label-like line after the block's blank line does not.
TEST_CASE("systemctl-status: a block that lost its indentation is still one record", "[journal]") {
  const std::string text =
      "\xE2\x97\x8F openclaw-gateway.service - OpenClaw Gateway\n"
      "Loaded: loaded (/etc/systemd/system/openclaw-gateway.service; enabled; preset: enabled)\n"
      "Active: failed (Result: start-limit-hit) since Tue 2026-02-10 15:21:09 UTC; 2min 14s ago\n"
      "Process: 5361 ExecStart=/usr/bin/node /opt/openclaw/dist/index.js gateway "
      "(code=exited, status=1/FAILURE)\n"
      "Main PID: 5361 (code=exited, status=1/FAILURE)\n"
      "CPU: 1.204s\n"
      "CGroup: /system.slice/openclaw-gateway.service\n"
      "\xE2\x94\x94\xE2\x94\x80"
      "5361 /usr/bin/node /opt/openclaw/dist/index.js gateway\n"
      "\n"
      "Memory: 1.2G is what free says\n";
  const auto r = run_parser("systemctl-status", text, kYear2026);
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].where.line_count == 8);
  CHECK(field_or(r.events[0], "result") == "start-limit-hit");
  CHECK(field_or(r.events[0], "unit_file") == "/etc/systemd/system/openclaw-gateway.service");
  CHECK(r.events[0].pid == 5361);
  CHECK(r.no_match == 1);  // the line after the blank is not the block's
}

// The journal tail writes no year; the block's "since" says which one it is (a status pasted in
// 2026 from a 2020 thread): otherwise the block and its own lines lie six years apart.
TEST_CASE("systemctl-status: the journal tail takes the year of the block's since", "[journal]") {
  const auto r = run_parser(
      "systemctl-status",
      "● dnsmasq.service - dnsmasq - A lightweight DHCP and caching DNS server\n"
      "     Loaded: loaded (/lib/systemd/system/dnsmasq.service; enabled; vendor preset: enabled)\n"
      "     Active: failed (Result: exit-code) since Sat 2020-06-06 20:13:48 BST; 5min ago\n"
      "\n"
      "Jun 06 20:13:48 pi systemd[1]: dnsmasq.service: Failed with result 'exit-code'.\n",
      kYear2026);
  REQUIRE(r.events.size() == 2);
  CHECK(format_timestamp(r.events[0].time).starts_with("2020-06-06T"));
  CHECK(format_timestamp(r.events[1].time).starts_with("2020-06-06T20:13:48"));
  // Without a since, the default year stands.
  const auto plain = run_parser(
      "systemctl-status", "Jun 06 20:13:48 pi systemd[1]: dnsmasq.service: Stopped.\n", kYear2026);
  REQUIRE(plain.events.size() == 1);
  CHECK(format_timestamp(plain.events[0].time).starts_with("2026-06-06T"));
}
