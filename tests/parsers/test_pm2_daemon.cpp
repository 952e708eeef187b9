// pm2-daemon: ~/.pm2/pm2.log, current and legacy shapes, and the facts pulled from its messages.

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("pm2-daemon reads pm2.log: stamp, PM2 log/error level, App [name:id] facts", "[pm2]") {
  const auto r = run_parser("pm2-daemon", read_corpus_file("formats/pm2-daemon-pm2log.log"));
  CHECK(r.events.size() == 79);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 2);  // the two ==== rules around the start table

  const Event& start = event_at_line(r, 2);
  CHECK(start.message ==
        "--- New PM2 Daemon started ----------------------------------------------------");
  CHECK(field_or(start, "event") == "daemon_start");

  const Event& exit = event_at_line(r, 22);
  CHECK(time_of(exit) == "2026-11-25T05:18:19");
  CHECK(exit.time.kind == TimeKind::local);
  CHECK(exit.time_text == "2026-11-25T05:18:19");
  CHECK(exit.source == SourceKind::pm2);
  CHECK(exit.process == "PM2");
  CHECK(exit.level == Level::info);
  CHECK(exit.app == "openclaw-gateway");
  CHECK(field_or(exit, "pm_id") == "0");
  CHECK(field_or(exit, "exit_code") == "1");
  CHECK(field_or(exit, "signal") == "SIGINT");
  CHECK(exit.message == "App [openclaw-gateway:0] exited with code [1] via signal [SIGINT]");

  const Event& error = event_at_line(r, 38);
  CHECK(error.level == Level::error);
  CHECK(error.message ==
        "Error [ERR_STREAM_DESTROYED]: Cannot call write after a stream was destroyed");

  const Event& errored = event_at_line(r, 77);
  CHECK(field_or(errored, "status") == "errored");
  CHECK(field_or(errored, "unstable_restarts") == "16");
  CHECK(field_or(errored, "script") == "/home/fmtuser/app/gateway-sim.js");

  CHECK(event_at_line(r, 78).app == "openclaw-gateway");
  CHECK(field_or(event_at_line(r, 78), "event") == "stopping");
  const Event& no_pid = event_at_line(r, 81);
  CHECK(no_pid.app == "worker");
  CHECK(field_or(no_pid, "pm_id") == "1");
  CHECK(no_pid.level == Level::error);
}

TEST_CASE("pm2-daemon: a V8 abort is exit code 0 via SIGABRT", "[pm2]") {
  const auto r =
      run_parser("pm2-daemon", read_corpus_file("formats/pm2-daemon-pm2log-sigabrt.log"));
  CHECK(r.events.size() == 80);
  CHECK(r.no_match == 0);
  const Event& abort = event_at_line(r, 70);
  CHECK(abort.app == "openclaw-heap");
  CHECK(field_or(abort, "pm_id") == "1");
  CHECK(field_or(abort, "exit_code") == "0");
  CHECK(field_or(abort, "signal") == "SIGABRT");
  CHECK(time_of(abort) == "2026-11-25T05:24:46");
}

TEST_CASE("pm2-daemon: --max-memory-restart worker restarts carry the memory numbers", "[pm2]") {
  const auto r = run_parser(
      "pm2-daemon", read_corpus_file("cases/47-restart-loop-pm2-max-memory-restart/input-1.log"));
  CHECK(r.events.size() == 122);
  CHECK(r.no_match == 0);
  const Event& e = event_at_line(r, 29);
  CHECK(field_or(e, "event") == "max_memory_restart");
  CHECK(field_or(e, "pm_id") == "1");
  CHECK(field_or(e, "current_memory") == "179372032");
  CHECK(field_or(e, "max_memory_limit") == "157286400");
}

TEST_CASE("pm2-daemon on every real pm2.log and the pm2 cases", "[pm2]") {
  struct Expect {
    const char* file;
    std::size_t events;
  };
  for (const auto& [file, events] : {
           Expect{"real/11-pm2-restart-loop-gateway-missing-config/input.log", 132},
           Expect{"real/12-pm2-errored-gateway-missing-config/input.log", 34},
           Expect{"real/13-pm2-restart-loop-gateway-port-conflict/input.log", 33},
           Expect{"real/14-pm2-restart-loop-crash-app/input.log", 34},
           Expect{"real/17-pm2-node-heap-oom/input-2.log", 28},
           Expect{"real/19-pm2-gateway-config-autorestored/input-3.log", 25},
           Expect{"real/22-pm2-healthy-gateway/input-2.log", 24},
           Expect{"cases/02-port-conflict-3001-pm2-uptime-kuma/input-1.log", 46},
           Expect{"cases/09-node-heap-oom-pm2-sigabrt/input-2.log", 20},
           Expect{"cases/45-negative-one-restart-after-deploy/input-1.log", 24},
       }) {
    INFO(file);
    const auto r = run_parser("pm2-daemon", read_corpus_file(file));
    CHECK(r.events.size() == events);
    CHECK(r.no_match == 0);
    CHECK(r.skipped == 2);
  }
  const auto r = run_parser(
      "pm2-daemon", read_corpus_file("real/11-pm2-restart-loop-gateway-missing-config/input.log"));
  bool found = false;
  for (const auto& e : r.events) {
    if (e.time_text == "2026-11-25T05:02:00" && field_or(e, "exit_code") == "78") found = true;
  }
  CHECK(found);  // the evidence line of real/11
}

TEST_CASE("pm2-daemon legacy pm2.log shapes: space stamp, no stamp, banner rule", "[pm2]") {
  const auto r = run_parser(
      "pm2-daemon",
      "2026-03-05 08:20:25: PM2 log: App [openclaw:0] exited with code [1] via "
      "signal [SIGINT]\n"
      "PM2 log: ===============================================================================\n"
      "PM2 log: --- New PM2 Daemon started ----------------------------------------------------\n"
      "PM2 log: Node.js version      : 20.11.0\n"
      "PM2 error: Error: kill ESRCH\n");
  CHECK(r.events.size() == 4);
  CHECK(r.skipped == 1);
  CHECK(r.no_match == 0);
  const Event& spaced = event_at_line(r, 1);
  CHECK(time_of(spaced) == "2026-03-05T08:20:25");
  CHECK(spaced.time_text == "2026-03-05 08:20:25");
  CHECK(spaced.app == "openclaw");
  CHECK(field_or(spaced, "exit_code") == "1");
  const Event& bare = event_at_line(r, 4);
  CHECK_FALSE(bare.time.has_value());
  CHECK(bare.time_text.empty());
  CHECK(bare.message == "Node.js version      : 20.11.0");
  CHECK(bare.source == SourceKind::pm2);
  CHECK(event_at_line(r, 5).level == Level::error);
}

TEST_CASE("pm2-daemon: a kill by signal has no exit code; names with ':' keep it", "[pm2]") {
  const auto r = run_parser("pm2-daemon",
                            "2026-03-05T08:20:25: PM2 log: App [openclaw:0] exited with code "
                            "[null] via signal [SIGKILL]\n"
                            "2026-03-05T08:20:26: PM2 log: App [api:v2:3] online\n");
  REQUIRE(r.events.size() == 2);
  CHECK_FALSE(r.events[0].field("exit_code").has_value());
  CHECK(field_or(r.events[0], "signal") == "SIGKILL");
  CHECK(field_or(r.events[0], "event") == "exit");
  CHECK(r.events[1].app == "api:v2");
  CHECK(field_or(r.events[1], "pm_id") == "3");
}
