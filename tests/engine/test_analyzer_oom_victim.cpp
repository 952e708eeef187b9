// An OOM kill of a process that is not the gateway is host memory pressure, a warning, unless
// its victim is the subject of the failure the input shows (docs/ranking.md, "A victim that
// fails"; causes.md, "Whose failure counts"). Run on the built-in pack, with the kernel's and
// systemd's own wording.
#include "analyzer_test_support.hpp"
#include "logdx/engine/rule_loader.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

RuleSet pack() {
  auto loaded = RuleLoader().load({LOGDX_RULES_DIR});
  INFO(render_all(loaded.diagnostics));
  REQUIRE(loaded.ok());
  return std::move(*loaded.rules);
}

// linux 5.x mm/oom_kill.c: dump_header ("%s invoked oom-killer"), dump_oom_summary
// ("oom-kill:constraint=...,task_memcg=%s,task=%s,pid=%d,uid=%d") and __oom_kill_process
// ("Out of memory: Killed process %d (%s) total-vm:..."), one record as the joiner makes it.
std::string oom_record(const std::string& unit, const std::string& task, int pid) {
  return task +
         " invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), "
         "order=0, oom_score_adj=0\n"
         "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
         "global_oom,task_memcg=/system.slice/" +
         unit + ",task=" + task + ",pid=" + std::to_string(pid) +
         ",uid=113\n"
         "Out of memory: Killed process " +
         std::to_string(pid) + " (" + task +
         ") total-vm:2516612kB, anon-rss:1611300kB, file-rss:4kB, shmem-rss:61240kB, UID:113 "
         "pgtables:3620kB oom_score_adj:0";
}

EventSpec kernel(const std::string& time, const std::string& message) {
  EventSpec spec(time, message, 0, 0, SourceKind::kernel);
  spec.on("db-01", "", "kernel");
  return spec;
}

// systemd v243+ src/core/service.c: "%s: Failed with result '%s'."; v249+ "%s: Main process
// exited, code=%s, status=%i/%s", "%s: Scheduled restart job, restart counter is at %u."
EventSpec systemd(const std::string& time, const std::string& message, const std::string& unit) {
  EventSpec spec(time, message, 0, 0, SourceKind::systemd);
  spec.on("db-01", unit, "systemd", 1);
  return spec;
}

// An ordinary line of the gateway's own log (2026.9.6 [ws] traffic), under its unit.
EventSpec gateway_traffic(const std::string& time) {
  EventSpec spec(time, "[ws] ⇄ res ✓ chat.history 264ms conn=c200281f id=34:be0a25ce", 0, 0,
                 SourceKind::gateway);
  spec.on("db-01", "openclaw-gateway.service", "node", 3310);
  return spec;
}

const Diagnosis* with_cause(const std::vector<Diagnosis>& list, const std::string& cause) {
  for (const Diagnosis& d : list) {
    if (d.cause == cause) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("an OOM kill whose unit then fails is that unit's root cause, at error",
          "[ranking][linking][oom]") {
  const RuleSet rules = pack();
  const auto result = analyze(
      rules,
      {gateway_traffic("2026-07-30T02:14:34Z"),
       kernel("2026-07-30T02:24:00Z", oom_record("postgresql@15-main.service", "postgres", 2231)),
       systemd("2026-07-30T02:24:01Z", "postgresql@15-main.service: Failed with result 'oom-kill'.",
               "postgresql@15-main.service")});
  REQUIRE_FALSE(result.diagnoses.empty());
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "host-memory-pressure-oom-kill");
  CHECK(root.cause == "oom_kernel");
  CHECK(root.severity == Severity::error);
  CHECK(root.title.find("postgres (pid 2231)") != std::string::npos);
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].rule == "oom-systemd-unit-failed");
}

TEST_CASE("an OOM kill of another service beside the gateway's loop stays a warning",
          "[ranking][linking][oom]") {
  const RuleSet rules = pack();
  std::vector<EventSpec> events = {
      kernel("2026-07-30T02:24:00Z", oom_record("postgresql@15-main.service", "postgres", 2231))};
  for (int i = 0; i < 4; ++i) {
    const std::string t = "2026-07-30T02:2" + std::to_string(5 + i);
    events.push_back(systemd(t + ":01Z",
                             "openclaw-gateway.service: Main process exited, code=exited, "
                             "status=1/FAILURE",
                             "openclaw-gateway.service"));
    events.push_back(systemd(t + ":11Z",
                             "openclaw-gateway.service: Scheduled restart job, restart counter "
                             "is at " +
                                 std::to_string(i + 1) + ".",
                             "openclaw-gateway.service"));
  }
  const auto result = analyze(rules, events);
  const Diagnosis* pressure = find_rule(result.diagnoses, "host-memory-pressure-oom-kill");
  REQUIRE(pressure != nullptr);
  CHECK(pressure->cause == "memory_pressure");
  CHECK(pressure->severity == Severity::warning);
  REQUIRE_FALSE(result.diagnoses.empty());
  CHECK(result.diagnoses[0].cause == "restart_loop_systemd");
}

TEST_CASE("an OOM kill alone in its input is the victim's root cause, unless the gateway is there",
          "[ranking][linking][oom]") {
  const RuleSet rules = pack();
  const EventSpec kill =
      kernel("2026-07-30T02:24:00Z", oom_record("tomcat9.service", "java", 28438));
  SECTION("nothing else: the input is about the victim") {
    const auto result = analyze(rules, {kill});
    const Diagnosis* oom = with_cause(result.diagnoses, "oom_kernel");
    REQUIRE(oom != nullptr);
    CHECK(oom->rule == "host-memory-pressure-oom-kill");
    CHECK(oom->severity == Severity::error);
    CHECK_FALSE(oom->notes.empty());
  }
  SECTION("the gateway's own lines are in the input: host memory pressure") {
    const auto result = analyze(rules, {gateway_traffic("2026-07-30T02:20:00Z"), kill});
    CHECK(with_cause(result.diagnoses, "oom_kernel") == nullptr);
    const Diagnosis* pressure = with_cause(result.diagnoses, "memory_pressure");
    REQUIRE(pressure != nullptr);
    CHECK(pressure->severity == Severity::warning);
  }
}

TEST_CASE("OOM kills of several processes and nothing else are the input's root cause",
          "[ranking][linking][oom]") {
  // linux 5.x mm/oom_kill.c __oom_kill_process and oom_reap_task: one shortage, the killer
  // takes one process after another (a python worker, then systemd-resolved).
  const RuleSet rules = pack();
  const std::string python =
      "Out of memory: Killed process 15784 (python3) total-vm:11964kB, anon-rss:4288kB, "
      "file-rss:3028kB, shmem-rss:0kB";
  const std::string resolved =
      "Out of memory: Killed process 15925 (systemd-resolve) total-vm:168424kB, "
      "anon-rss:4064kB, file-rss:3584kB, shmem-rss:0kB";
  SECTION("two victims: both kills are root causes at error, none a mere warning") {
    const auto result = analyze(
        rules, {kernel("2026-05-15T23:09:30Z", python), kernel("2026-05-15T23:09:31Z", resolved)});
    REQUIRE_FALSE(result.diagnoses.empty());
    CHECK(result.diagnoses[0].cause == "oom_kernel");
    CHECK(result.diagnoses[0].severity == Severity::error);
    CHECK(with_cause(result.diagnoses, "memory_pressure") == nullptr);
  }
  SECTION("another service failing for its own reason keeps them host memory pressure") {
    const auto result = analyze(
        rules, {kernel("2026-05-15T23:09:30Z", python), kernel("2026-05-15T23:09:31Z", resolved),
                systemd("2026-05-15T23:09:40Z", "api.service: Start request repeated too quickly.",
                        "api.service")});
    CHECK(with_cause(result.diagnoses, "oom_kernel") == nullptr);
    REQUIRE_FALSE(result.diagnoses.empty());
    CHECK(result.diagnoses[0].cause == "restart_loop_systemd");
  }
}

TEST_CASE("a kill of node not linked to the gateway's port conflict is a warning beside it",
          "[ranking][linking][oom]") {
  const RuleSet rules = pack();
  // linux 4.5-4.18 raw dmesg: no wall time, so nothing places the kill near the gateway's start
  EventSpec kill("",
                 "Killed process 7712 (node) total-vm:1402540kB, anon-rss:601232kB, file-rss:0kB, "
                 "shmem-rss:0kB",
                 0, 0, SourceKind::kernel);
  kill.on("oc-gw-01", "", "kernel");
  // node 20 lib/net.js (uncaught listen error) under the gateway's unit, another pid
  EventSpec bind("2026-03-05T08:20:25Z",
                 "Error: listen EADDRINUSE: address already in use 0.0.0.0:18789", 0, 0,
                 SourceKind::gateway);
  bind.on("oc-gw-01", "openclaw-gateway.service", "node", 2301);
  SECTION("the port conflict is the root; the kill a memory-pressure warning that says why") {
    const auto result = analyze(rules, {kill, bind});
    REQUIRE_FALSE(result.diagnoses.empty());
    CHECK(result.diagnoses[0].cause == "port_conflict");
    const Diagnosis* pressure = with_cause(result.diagnoses, "memory_pressure");
    REQUIRE(pressure != nullptr);
    CHECK(pressure->rule == "oom-kernel-killed-node");
    CHECK(pressure->severity == Severity::warning);
    CHECK(pressure->title.find("node (pid 7712)") != std::string::npos);
    REQUIRE_FALSE(pressure->notes.empty());
    CHECK(pressure->notes.back().find("port_conflict") != std::string::npos);
  }
  SECTION("alone, the same kill is still read as the gateway's memory death") {
    const auto result = analyze(rules, {kill});
    REQUIRE_FALSE(result.diagnoses.empty());
    CHECK(result.diagnoses[0].cause == "oom_kernel");
    CHECK(result.diagnoses[0].severity == Severity::critical);
  }
}
