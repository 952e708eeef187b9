// openclaw-cli: the CLI outputs of corpus/real (gateway status / probe / call, health, doctor,
// config validate/set, early unstamped gateway errors), clack decoration with and without its
// frame, and strictness: no claims on any other format's sample.

#include <catch2/catch.hpp>

#include "openclaw_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

struct CliFile {
  const char* path;
  std::size_t records;
  std::size_t skipped;
  bool blank_lines_refused;  // no_match == the file's blank lines (outside a doctor box)
};

constexpr CliFile kCliFiles[] = {
    {"real/02-missing-config-no-file/input.log", 1, 0, true},
    {"real/03-missing-config-mode-unset/input.log", 2, 0, true},
    {"real/03-missing-config-mode-unset/input-2.log", 1, 0, true},
    {"real/04-invalid-config-bad-json/input-3.log", 3, 0,
     true},  // + "  × <root>: ..." continuation
    {"real/04-invalid-config-bad-json/input-4.log", 3, 0, true},
    {"real/04-invalid-config-bad-json/doctor.stdout.log", 64, 81, true},
    {"real/05-invalid-config-wrong-type/input-3.log", 3, 0, true},
    {"real/05-invalid-config-wrong-type/input-4.log", 7, 12, true},
    // "Invalid config at PATH:" and "Invalid config:" each with its "- key: ..." issue
    {"real/05-invalid-config-wrong-type/doctor.stderr.log", 5, 0, true},
    // "OpenClaw config is invalid" / "File:" / "Problem:" / "  - ..." is one report
    {"real/05-invalid-config-wrong-type/config-set-port-fix.stderr.log", 4, 0, true},
    {"real/06-port-conflict-foreign-process/input-3.log", 14, 0, true},
    {"real/06-port-conflict-foreign-process/gateway-status.stderr.log", 6, 0, true},
    {"real/07-port-conflict-second-gateway/input-2.log", 3, 0, true},
    {"real/08-token-mismatch/input-3.log", 2, 0, true},
    {"real/08-token-mismatch/logs-wrong-token.stderr.log", 7, 0, true},
    {"real/09-device-token-mismatch/input-2.log", 2, 0, true},
    {"real/09-device-token-mismatch/input-3.log", 6, 0, true},
    {"real/09-device-token-mismatch/input-4.log", 1, 0, true},
    {"real/09-device-token-mismatch/doctor-fix-stopped.stdout.log", 91, 76, true},
    {"real/10-gateway-not-running/input.log", 13, 0, true},
    {"real/10-gateway-not-running/input-2.log", 3, 0, true},  // + "  connect ECONNREFUSED ..."
    {"real/10-gateway-not-running/input-3.log", 6, 0, true},
    {"real/10-gateway-not-running/input-4.log", 3, 0, true},
    {"real/10-gateway-not-running/gateway-start.stderr.log", 5, 0, true},
    {"real/10-gateway-not-running/logs.stderr.log", 2, 0, true},
    {"real/11-pm2-restart-loop-gateway-missing-config/input-2.log", 74, 0, true},
    {"real/12-pm2-errored-gateway-missing-config/input-2.log", 10, 0, true},
    {"real/18-pm2-fork-mode-silent-idle/input-3.log", 13, 0, true},
    {"real/18-pm2-fork-mode-silent-idle/input-4.log", 3, 0, true},
    {"real/18-pm2-fork-mode-silent-idle/config-unset-mode.stderr.log", 2, 0, true},
    {"real/19-pm2-gateway-config-autorestored/input-2.log", 1, 0, true},
    {"real/21-logs-needs-credentials-runtime-token/input-3.log", 8, 0, true},
    {"real/22-pm2-healthy-gateway/health.stdout.log", 5, 0, true},
    {"real/01-healthy-start/config-validate.stdout.log", 1, 0, true},
};

}  // namespace

TEST_CASE("openclaw-cli claims every line of the real CLI outputs except blank ones",
          "[openclaw]") {
  for (const auto& file : kCliFiles) {
    CAPTURE(file.path);
    const std::string text = read_corpus_file(file.path);
    const auto result = run_parser("openclaw-cli", text);
    CHECK(result.events.size() == file.records);
    CHECK(result.skipped == file.skipped);
    if (file.blank_lines_refused) CHECK(result.no_match == count_blank_lines(text));
    for (const auto& event : result.events) {
      CHECK(event.source == SourceKind::gateway);
      CHECK(event.process == "openclaw");
      CHECK_FALSE(event.time.has_value());
    }
  }
}

TEST_CASE("openclaw-cli reads gateway status keys, probe errors and the port report",
          "[openclaw]") {
  const auto status =
      run_parser("openclaw-cli", read_corpus_file("real/10-gateway-not-running/input-2.log"));
  REQUIRE(status.events.size() == 3);
  CHECK(status.events[0].message == "Connectivity probe: failed");
  CHECK(field_or_empty(status.events[0], "connectivity_probe") == "failed");
  const Event& target = status.events[1];
  CHECK(target.message ==
        "Probe target: ws://127.0.0.1:18789\n  connect ECONNREFUSED 127.0.0.1:18789");
  CHECK(target.where.line_count == 2);
  CHECK(field_or_empty(target, "probe_target") == "ws://127.0.0.1:18789");

  const auto stdout_status = run_parser(
      "openclaw-cli", read_corpus_file("real/06-port-conflict-foreign-process/input-3.log"));
  const Event& gateway = event_starting_with(stdout_status, "Gateway: ");
  CHECK(field_or_empty(gateway, "gateway") == "bind=loopback (127.0.0.1), port=18789 (env/config)");
  CHECK(field_or_empty(event_starting_with(stdout_status, "Listening:"), "listening") ==
        "127.0.0.1:18789");
  CHECK(field_or_empty(event_starting_with(stdout_status, "Config (cli):"), "config_cli") ==
        "~/.openclaw/openclaw.json");

  const auto port = run_parser(
      "openclaw-cli",
      read_corpus_file("real/06-port-conflict-foreign-process/gateway-status.stderr.log"));
  CHECK(field_or_empty(event_starting_with(port, "Port 18789"), "port") == "18789");
  const Event& holder = event_starting_with(port, "- pid 9701");
  CHECK(field_or_empty(holder, "holder_pid") == "9701");
  CHECK(field_or_empty(holder, "holder_user") == "root");
  CHECK_FALSE(holder.pid.has_value());  // the holder is not the process that printed the line
}

TEST_CASE("openclaw-cli reads [openclaw] failures and doctor lint lines", "[openclaw]") {
  const auto failed = run_parser(
      "openclaw-cli",
      read_corpus_file("real/09-device-token-mismatch/health-after-doctor-fix.stderr.log"));
  REQUIRE(failed.events.size() == 6);
  CHECK(failed.events[0].message.rfind("gateway connect failed: GatewayClientRequestError", 0) ==
        0);
  const Event& reason = event_starting_with(failed, "Reason: ");
  CHECK(reason.subsystem == "openclaw");
  CHECK(reason.message ==
        "Reason: unauthorized: device token mismatch (rotate/reissue device token)");

  const auto doctor = run_parser(
      "openclaw-cli", read_corpus_file("real/04-invalid-config-bad-json/doctor.stdout.log"));
  const Event& lint = event_starting_with(doctor, "core/doctor/node-hosting-preconditions");
  CHECK(lint.level == Level::warning);
  CHECK(lint.where.line_count == 2);  // + "  fix: If an edge proxy fronts ..."
  CHECK(event_starting_with(doctor, "gateway.mode is unset; gateway start will be blocked.")
            .where.line_count == 1);
}

TEST_CASE("openclaw-cli takes doctor note content and the outro, skips the frame", "[openclaw]") {
  const auto result =
      run_parser("openclaw-cli", read_corpus_file("real/05-invalid-config-wrong-type/input-4.log"));
  REQUIRE(result.events.size() == 7);
  CHECK(result.events[0].message == "Config invalid; doctor will run with best-effort config.");
  CHECK(result.events[1].message ==
        "Doctor could not apply config fixes: the repaired config still fails");
  CHECK(result.events[3].message ==
        "- gateway.port: Invalid input: expected number, received string");
  CHECK(result.events[6].message == "Doctor finished, but config fixes were not applied.");
}

TEST_CASE("openclaw-cli reads a doctor note whose frame a paste cleaner removed", "[openclaw]") {
  std::string text =
      "\xE2\x97\x87  Doctor warnings \xE2\x94\x80\xE2\x94\x80\xE2\x95\xAE\n"
      "Doctor could not apply config fixes: the repaired config still fails\n"
      "validation.\n"
      "\n"
      "2026-11-25T04:43:51.668+00:00 [gateway] a console line ends the box\n"
      "something unrelated\n";
  auto result = run_parser("openclaw-cli", text);
  CHECK(result.events.size() == 2);
  CHECK(result.skipped == 2);   // the title bar and the blank line inside the box
  CHECK(result.no_match == 2);  // the console line and what follows the box
  // A box whose bottom never comes ends after a bounded number of lines.
  std::string open_box = "\xE2\x97\x87  Config \xE2\x94\x80\xE2\x95\xAE\n";
  for (int i = 0; i < 60; ++i) open_box += "plain text line\n";
  result = run_parser("openclaw-cli", open_box);
  CHECK(result.events.size() == 40);
  CHECK(result.no_match == 20);
}

TEST_CASE("openclaw-cli claims nothing in the other formats' samples", "[openclaw]") {
  for (const char* path : {"formats/journalctl-short-iso.log",
                           "formats/journalctl-verbose.log",
                           "formats/journalctl-x-catalog.log",
                           "formats/systemctl-status-active.log",
                           "formats/systemctl-status-failed.log",
                           "formats/pm2-ls.log",
                           "formats/pm2-app-out.log",
                           "formats/pm2-daemon-pm2log.log",
                           "formats/pm2-logs-tty-ansi.log",
                           "formats/dmesg-raw.log",
                           "formats/syslog-traditional.log",
                           "formats/nginx-error.log",
                           "formats/nginx-access-combined.log",
                           "formats/caddy-console.log",
                           "formats/caddy-json.log",
                           "formats/docker-ps-restarting.log",
                           "formats/docker-logs-plain.log",
                           "formats/node-uncaught-exception-v24.log",
                           "formats/node-heap-oom-v24.log",
                           "real/14-pm2-restart-loop-crash-app/input-2.log",
                           "real/16-node-heap-oom-script/input.log",
                           "real/09-device-token-mismatch/devices-list-before.stdout.log"}) {
    CAPTURE(path);
    const auto result = run_parser("openclaw-cli", read_corpus_file(path));
    CHECK(result.events.empty());
    CHECK(result.skipped == 0);
  }
}

// The message prefixes are compared only when their first byte matches the line's: prose led
// by a letter several prefixes share is still refused, and each such prefix still taken.
TEST_CASE("openclaw-cli tells prose from the prefixes that share its first letter", "[openclaw]") {
  for (std::string_view prose : {"Listening for connections on port 8080 with 5 workers",
                                 "Loading plugins from /opt/app", "Gateway-like text, not ours",
                                 "Run the migrations first", "No such file"}) {
    CAPTURE(prose);
    Event e;
    CHECK(verdict_of("openclaw-cli", prose, e) == LineVerdict::no_match);
  }
  for (std::string_view ours : {"Local Gateway RPC unavailable (timeout)",
                                "Log tail truncated (increase --max-bytes)",
                                "Local loopback ws://127.0.0.1:18789 failed",
                                "Run `openclaw doctor --fix` to repair"}) {
    CAPTURE(ours);
    Event e;
    CHECK(verdict_of("openclaw-cli", ours, e) == LineVerdict::record);
  }
}

TEST_CASE("openclaw-cli refuses generic keys out of context, garbage and huge lines",
          "[openclaw]") {
  for (std::string_view bad : {"Config: /etc/nginx/nginx.conf", "Source: upstream", "Agents: 3",
                               "Overview", "Hint: press q to quit", "Fix: restart the router",
                               "| table | row |", "\xE2\x94\x82 a \xE2\x94\x82 b \xE2\x94\x82",
                               "\xE2\x97\x8F openclaw-gateway.service - OpenClaw Gateway",
                               "- pid: 12", "Port abc is already in use.", "", "   ",
                               "\xff\xfe\x80", "2026-11-25T04:42:36.549+00:00 Gateway: x"}) {
    CAPTURE(bad);
    Event e;
    CHECK(verdict_of("openclaw-cli", bad, e) == LineVerdict::no_match);
  }
  // In context the generic keys are openclaw's.
  const auto context =
      run_parser("openclaw-cli", "Gateway not reachable after waiting 60 s.\nAgents: 3\n");
  CHECK(context.events.size() == 2);
  Event named;
  CHECK(verdict_of("openclaw-cli", "Config: /home/u/.openclaw/openclaw.json", named) ==
        LineVerdict::record);
  CHECK(field_or_empty(named, "config") == "/home/u/.openclaw/openclaw.json");
  Event huge;
  CHECK(verdict_of("openclaw-cli", std::string(1 << 20, 'Q'), huge) == LineVerdict::no_match);
  Event long_probe;
  REQUIRE(verdict_of("openclaw-cli", "Probe target: " + std::string(1 << 20, 'w'), long_probe) ==
          LineVerdict::record);
  CHECK(long_probe.message.size() == (1u << 20) + 14);
}

// openclaw prints a config's issues under a header that names the file (shared
// openclaw-wording-by-version.md §5, seen 1.29-6.11): `config validate` "Config invalid at
// PATH:" + "  × key: msg"; "Invalid config at PATH:" + "- key: msg"; 1.29/3.8 "Config invalid"
// + "File:" + "Problem:" + "  - ..."; gateway run "Gateway aborted: config is invalid." +
// "key: msg". Each is one report, so the file and the key are in one event.
TEST_CASE("openclaw-cli keeps a config header and its issues in one record", "[openclaw]") {
  const auto validate =
      run_parser("openclaw-cli",
                 "Config invalid at ~/.openclaw/openclaw.json:\n"
                 "  \xC3\x97 gateway.port: Invalid input: expected number, received string\n"
                 "Run `openclaw doctor` to repair, or fix the keys above manually.\n");
  REQUIRE(validate.events.size() == 2);
  CHECK(validate.events[0].message ==
        "Config invalid at ~/.openclaw/openclaw.json:\n"
        "  \xC3\x97 gateway.port: Invalid input: expected number, received string");
  const auto block =
      run_parser("openclaw-cli",
                 "Config invalid\n"
                 "File: ~/.clawdbot/clawdbot.json\n"
                 "Problem:\n"
                 "  - gateway.port: Invalid input: expected number, received string\n"
                 "\n"
                 "Run: clawdbot doctor --fix\n");
  REQUIRE_FALSE(block.events.empty());
  CHECK(block.events[0].where.line_count == 4);
  const auto aborted = run_parser("openclaw-cli",
                                  "Gateway aborted: config is invalid.\n"
                                  "channels.telegram: Unrecognized key: \"proxy\"\n");
  REQUIRE(aborted.events.size() == 1);
  CHECK(aborted.events[0].message.ends_with("channels.telegram: Unrecognized key: \"proxy\""));
  // After another record, an issue line is a record of its own, as before; and after a
  // header, a line that is no issue ends the report.
  const auto apart =
      run_parser("openclaw-cli",
                 "Gateway not reachable after waiting 60 s.\n"
                 "- gateway.port: Invalid input: expected number, received string\n");
  CHECK(apart.events.size() == 2);
  const auto ended = run_parser("openclaw-cli",
                                "Invalid config at /srv/oc/openclaw.json:\n"
                                "Health check failed: GatewayTransportError: not reachable\n");
  CHECK(ended.events.size() == 2);
}

// clawdbot 2026.1.24 dist/cli/daemon-cli/lifecycle.js prints "Gateway service not loaded." and
// then a "Start with: <hint>" line per hint (openclaw 2026.9.6: "Tip: <hint>").
TEST_CASE("openclaw-cli keeps a service state with its hint lines", "[openclaw]") {
  const auto hints = run_parser("openclaw-cli",
                                "Gateway service not loaded.\n"
                                "Start with: openclaw gateway install\n"
                                "Start with: openclaw gateway start\n");
  REQUIRE(hints.events.size() == 1);
  CHECK(hints.events[0].message.ends_with("Start with: openclaw gateway start"));
  const auto tip =
      run_parser("openclaw-cli", "Gateway service disabled.\nTip: openclaw gateway install\n");
  REQUIRE(tip.events.size() == 1);
  // the hint lines after another record, and other lines after the header, stay apart
  const auto apart = run_parser("openclaw-cli",
                                "Gateway service not loaded.\n"
                                "Detected: node 20.11.0 (exec: /usr/bin/node).\n");
  CHECK(apart.events.size() == 1);  // "Detected:" is no line of a service state: not ours
  CHECK(apart.no_match == 1);
  Event prose;
  CHECK(verdict_of("openclaw-cli", "my app requires Node >=22 but I have 20", prose) ==
        LineVerdict::no_match);
}
