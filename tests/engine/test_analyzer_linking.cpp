// A cause explains a symptom only when their lines link them (docs/ranking.md, "Links"):
// same host, a shared subject, close in time, exits that fit the cause. Otherwise they stay
// apart, or are "possibly related" when a time or a subject is missing on one side.
#include "analysis/exit_signs.hpp"
#include "analysis/link_profile.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// Wording as the tools print it:
// - kernel 5.x+ mm/oom_kill.c dump_oom_summary(): "oom-kill:constraint=...,task_memcg=%s,
//   task=%s,pid=%d,uid=%d", and __oom_kill_process(): "Out of memory: Killed process %d (%s)".
// - systemd v249+ src/core/service.c: "%s: Main process exited, code=%s, status=%i/%s" and
//   "%s: Scheduled restart job, restart counter is at %u."
const std::string kOomAndLoop =
    rules_yaml({R"(  - id: oom-kill
    cause: oom_kernel
    severity: critical
    confidence: 0.85
    match: {regex: 'oom-kill:[^\n]*task_memcg=(?P<cgroup>[^,]+),task=(?P<killed_process>[^,]+),pid=(?P<killed_pid>\d+)'}
    key: [cgroup]
    explains: [restart_loop_systemd]
  - id: oom-killed-process
    cause: oom_kernel
    severity: critical
    confidence: 0.85
    match: {regex: '^Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>[^)]+)\)'}
    key: [killed_pid]
    explains: [restart_loop_systemd]
)",
                systemd_restart_loop_rule(), R"(  - id: listener-leak-warning
    cause: memory_leak_warning
    severity: warning
    confidence: 0.6
    match: {regex: 'MaxListenersExceededWarning: Possible EventEmitter memory leak detected'}
  - id: unit-main-exit
    cause: unit_exit
    severity: info
    confidence: 0.5
    match: {regex: '^(?P<unit>[\w@.-]+\.service): Main process exited, code=(?P<code>\w+), status=(?P<status>\S+)'}
    key: [unit]
)"});

std::string memcg_line(const std::string& unit, const std::string& task, int pid) {
  return "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
         "global_oom,task_memcg=/system.slice/" +
         unit + ",task=" + task + ",pid=" + std::to_string(pid) + ",uid=1000";
}

EventSpec kernel(const std::string& time, const std::string& message, std::size_t input = 0) {
  EventSpec spec(time, message, input, 0, SourceKind::kernel);
  spec.on("web-01", "", "kernel");
  return spec;
}

EventSpec systemd(const std::string& time, const std::string& message, const std::string& unit,
                  const std::string& host = "web-01") {
  EventSpec spec(time, message, 0, 0, SourceKind::systemd);
  spec.on(host, unit, "systemd", 1);
  return spec;
}

// Three rounds of api.service ending with `exit` ("code=killed, status=9/KILL" or
// "code=exited, status=1/FAILURE"), restarted 10 s later, from `day` 08:00 on.
std::vector<EventSpec> loop_rounds(const std::string& day, const std::string& exit,
                                   const std::string& host = "web-01") {
  std::vector<EventSpec> events;
  for (int i = 0; i < 3; ++i) {
    const std::string minute = day + "T08:0" + std::to_string(i);
    events.push_back(
        systemd(minute + ":02Z", "api.service: Main process exited, " + exit, "api.service", host));
    events.push_back(systemd(
        minute + ":12Z",
        "api.service: Scheduled restart job, restart counter is at " + std::to_string(i + 1) + ".",
        "api.service", host));
  }
  return events;
}

std::vector<EventSpec> with(std::vector<EventSpec> events, const std::vector<EventSpec>& more) {
  events.insert(events.begin(), more.begin(), more.end());
  return events;
}

bool names_related(const Diagnosis& d, const std::string& rule) {
  for (const RelatedFinding& r : d.related) {
    if (r.rule == rule) return true;
  }
  return false;
}

int rank_of(const AnalysisResult& result, const std::string& rule) {
  for (const Diagnosis& d : result.diagnoses) {
    if (d.rule == rule) return d.rank;
  }
  return 0;
}

}  // namespace

TEST_CASE("an OOM kill of the unit, then its loop of SIGKILL exits: the loop folds under it",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  const auto result = analyze(
      rules, with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
                  {kernel("2026-03-05T08:00:01Z", memcg_line("api.service", "node", 2301)),
                   kernel("2026-03-05T08:01:01Z", memcg_line("api.service", "node", 2330)),
                   kernel("2026-03-05T08:02:01Z", memcg_line("api.service", "node", 2361))}));
  REQUIRE(rank_of(result, "oom-kill") == 1);
  const Diagnosis& root = result.diagnoses[0];
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].rule == "unit-restart-loop");
  CHECK(root.related.empty());
}

TEST_CASE("an OOM kill three days before today's loop explains nothing", "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  const auto result = analyze(
      rules, with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
                  {kernel("2026-03-02T03:14:07Z", memcg_line("api.service", "node", 2301))}));
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-kill");
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  REQUIRE(oom != nullptr);
  REQUIRE(loop != nullptr);
  CHECK(oom->explains.empty());
  CHECK(loop->rank > 0);  // a root of its own
  // The times prove them apart: not even "possibly related".
  CHECK(oom->related.empty());
  CHECK(loop->related.empty());
}

TEST_CASE("an OOM kill of another unit's process does not explain this unit's loop",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  const auto result = analyze(
      rules,
      with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
           {kernel("2026-03-05T08:00:01Z", memcg_line("postgresql.service", "postgres", 880))}));
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-kill");
  REQUIRE(oom != nullptr);
  CHECK(oom->explains.empty());
  CHECK(oom->related.empty());
  CHECK(rank_of(result, "unit-restart-loop") > 0);
}

TEST_CASE("a loop whose exits are status=1/FAILURE is not explained by an OOM kill just before",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  const auto result = analyze(
      rules, with(loop_rounds("2026-03-05", "code=exited, status=1/FAILURE"),
                  {kernel("2026-03-05T08:00:01Z", memcg_line("api.service", "node", 2301))}));
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-kill");
  REQUIRE(oom != nullptr);
  CHECK(oom->explains.empty());
  CHECK(oom->related.empty());
  CHECK(rank_of(result, "unit-restart-loop") > 0);
}

TEST_CASE("a loop with some SIGKILL exits among status=1 ones still fits an OOM kill",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  std::vector<EventSpec> events = loop_rounds("2026-03-05", "code=exited, status=1/FAILURE");
  events[0].message = "api.service: Main process exited, code=killed, status=9/KILL";
  const auto result = analyze(
      rules,
      with(events, {kernel("2026-03-05T08:00:01Z", memcg_line("api.service", "node", 2301))}));
  REQUIRE(rank_of(result, "oom-kill") == 1);
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].rule == "unit-restart-loop");
}

TEST_CASE("an OOM kill without a time is only possibly related, and still ranks first",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  // `dmesg -t` pasted beside the journal: the kernel line has no time at all.
  const auto result =
      analyze(rules, with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
                          {kernel("", memcg_line("api.service", "node", 2301), 1)}));
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-kill");
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  REQUIRE(oom != nullptr);
  REQUIRE(loop != nullptr);
  CHECK(oom->explains.empty());
  CHECK(names_related(*oom, "unit-restart-loop"));
  CHECK(names_related(*loop, "oom-kill"));
  // The loop is more confident and has more lines; the cause that may explain it comes first.
  CHECK(rank_of(result, "oom-kill") == 1);
  CHECK(rank_of(result, "unit-restart-loop") == 2);
}

TEST_CASE("an OOM kill naming only a pid and a process is possibly related to a unit's loop",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  const auto result = analyze(
      rules,
      with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
           {kernel("2026-03-05T08:00:01Z",
                   "Out of memory: Killed process 2301 (node) total-vm:1826352kB, "
                   "anon-rss:912344kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:2212kB "
                   "oom_score_adj:0")}));
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-killed-process");
  REQUIRE(oom != nullptr);
  CHECK(oom->explains.empty());
  CHECK(names_related(*oom, "unit-restart-loop"));
}

TEST_CASE("a pid seen with its unit on another line links an OOM kill to the unit's loop",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  // journalctl -o json gives both _PID and _SYSTEMD_UNIT on the app's own line; node 18
  // lib/internal/process/warning.js prints the leak warning.
  EventSpec app_line("2026-03-05T07:59:58Z",
                     "(node:2301) MaxListenersExceededWarning: Possible EventEmitter memory leak "
                     "detected. 11 exit listeners added to [process].");
  app_line.source = SourceKind::app;
  app_line.on("web-01", "api.service", "node", 2301);
  const auto result = analyze(
      rules,
      with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"),
           {app_line, kernel("2026-03-05T08:00:01Z",
                             "Out of memory: Killed process 2301 (node) total-vm:1826352kB")}));
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->rank == 0);  // folded
  CHECK(rank_of(result, "oom-killed-process") == 1);
}

TEST_CASE("an OOM kill on another host explains nothing here", "[ranking][linking]") {
  const RuleSet rules = rules_from(kOomAndLoop);
  EventSpec oom = kernel("2026-03-05T08:00:01Z", memcg_line("api.service", "node", 2301));
  oom.host = "db-02";
  const auto result =
      analyze(rules, with(loop_rounds("2026-03-05", "code=killed, status=9/KILL"), {oom}));
  const Diagnosis* found = find_rule(result.diagnoses, "oom-kill");
  REQUIRE(found != nullptr);
  CHECK(found->explains.empty());
  CHECK(found->related.empty());
}

// openclaw's holder block (src/infra/ports.ts, 2026.x) after a failed bind:
//   Gateway failed to start: another gateway instance is already listening on ws://...
//   - pid 1187 root: /usr/bin/docker-proxy -proto tcp ... (0.0.0.0:18789)
const char* const kPortFindings = R"(logdx_rules: 1
rules:
  - id: port-in-use
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'already listening on wss?://[0-9.]+:(?P<port>\d+)'}
    key: [port]
  - id: second-instance
    cause: second_instance
    severity: info
    confidence: 0.8
    match: {regex: 'another gateway instance is already listening on wss?://[0-9.]+:(?P<port>\d+)'}
    key: [port]
  - id: port-holder
    cause: port_holder
    severity: info
    confidence: 0.9
    match: {regex: '^- pid (?P<holder_pid>\d+) \w+: (?P<holder_command>\S+)[^\n]*\([0-9.]+:(?P<port>\d+)\)'}
    key: [port, holder_pid]
)";

std::vector<EventSpec> port_lines(const std::string& host_a, const std::string& host_b) {
  EventSpec refused("2026-03-05T08:20:25Z",
                    "Gateway failed to start: another gateway instance is already listening on "
                    "ws://127.0.0.1:18789");
  refused.on(host_a, "", "node", 2301);
  EventSpec holder(
      "2026-03-05T08:20:25Z",
      "- pid 1187 root: /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 "
      "-host-port 18789 -container-ip 172.18.0.2 -container-port 18789 (0.0.0.0:18789)");
  holder.on(host_b, "", "node", 2301);
  return {refused, holder};
}

TEST_CASE("findings about one port's holder become one finding that names the holder",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kPortFindings);
  const auto result = analyze(rules, port_lines("oc-gw-01", "oc-gw-01"));
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "port-in-use");
  CHECK(fact(root, "holder_pid") == "1187");
  CHECK(fact(root, "holder_command") == "/usr/bin/docker-proxy");
  REQUIRE(root.explains.size() == 2);
  CHECK(find_rule(root.explains, "second-instance") != nullptr);
  CHECK(find_rule(root.explains, "port-holder") != nullptr);
}

TEST_CASE("the same port on two hosts is two stories", "[ranking][linking]") {
  const RuleSet rules = rules_from(kPortFindings);
  const auto result = analyze(rules, port_lines("oc-gw-01", "oc-gw-02"));
  const Diagnosis* holder = find_rule(result.diagnoses, "port-holder");
  REQUIRE(holder != nullptr);
  CHECK(holder->rank > 0);  // not merged into the other host's port conflict
  const Diagnosis* conflict = find_rule(result.diagnoses, "port-in-use");
  REQUIRE(conflict != nullptr);
  CHECK(fact(*conflict, "holder_pid").starts_with("<no fact"));
}

namespace {

analysis::ExitSigns exits_of(const std::string& line) {
  const analysis::ExitReader reader;
  analysis::ExitSigns signs;
  reader.read(line, signs);
  return signs;
}

}  // namespace

TEST_CASE("exit wording of the process managers: killed, another end, or clean", "[linking]") {
  // systemd v252 src/core/service.c
  CHECK(exits_of("api.service: Main process exited, code=killed, status=9/KILL").killed);
  CHECK(exits_of("api.service: Main process exited, code=exited, status=1/FAILURE").other);
  CHECK(exits_of("api.service: Main process exited, code=dumped, status=6/ABRT").other);
  CHECK_FALSE(exits_of("api.service: Main process exited, code=exited, status=0/SUCCESS").known());
  // systemd v252 src/systemctl/systemctl-show.c: a dead main process in `systemctl status`
  CHECK(exits_of("Main PID: 4411 (code=killed, signal=KILL)").killed);
  CHECK(exits_of("Process: 4411 ExecStart=/usr/bin/node index.js (code=dumped, signal=SEGV)").other);
  CHECK_FALSE(exits_of("Main PID: 4411 (code=killed, signal=TERM)").killed);
  CHECK(exits_of("Main PID: 4411 (code=exited, status=1/FAILURE)").other);
  // pm2 5.x lib/God.js
  CHECK(exits_of("App [api:0] exited with code [0] via signal [SIGKILL]").killed);
  CHECK(exits_of("App [api:0] exited with code [1] via signal [SIGINT]").other);
  CHECK_FALSE(exits_of("App [api:0] exited with code [0] via signal [SIGINT]").known());
  // Docker 24 events and docker ps
  CHECK(exits_of("container die 3f2a (exitCode=137, image=node:20, name=api)").killed);
  CHECK(exits_of("3f2a1b9c node:20 \"node server.js\" Exited (1) 5 seconds ago").other);
  // compose v2, forever, Go os/exec
  CHECK(exits_of("api-1 exited with code 137").killed);
  CHECK(exits_of("error: Forever detected script exited with code: 1").other);
  CHECK(exits_of("exit status 1").other);
  CHECK(exits_of("signal: killed").killed);
  // not an exit at all, and a code too long for any exit status
  CHECK_FALSE(exits_of("GET /health 200 12ms").known());
  CHECK(exits_of("exit code 99999999999999999999999").other);
}

TEST_CASE("subject names compare as one unit, app or container", "[linking]") {
  CHECK(analysis::normalise_subject_name("API.service ") == "api");
  CHECK(analysis::normalise_subject_name("/system.slice/openclaw-gateway.service") ==
        "openclaw-gateway");
  CHECK(analysis::normalise_subject_name(
            "docker-9c1e4b7f2a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7.scope") ==
        "9c1e4b7f2a3d");
  // TASK_COMM_LEN: the kernel prints 15 bytes of a process name
  CHECK(analysis::same_subject_name("openclaw-gatewa", "openclaw-gateway"));
  CHECK_FALSE(analysis::same_subject_name("openclaw", "openclaw-gateway"));
}

TEST_CASE("an error-level cause that may explain a critical loop ranks with the loop, before it",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: bare-eaddrinuse
    cause: port_conflict
    severity: error
    confidence: 0.7
    match: {regex: '^Error: listen EADDRINUSE$'}
    explains: [restart_loop_pm2]
  - id: pm2-loop
    cause: restart_loop_pm2
    severity: critical
    confidence: 0.85
    match: {regex: '^App \[(?P<app>[^\]]+):\d+\] exited with code \[(?P<exit_code>\d+)\] via signal \[(?P<signal>\w+)\]'}
    key: [app]
    correlate:
      threshold: {count: 3, within: 2h, group_by: [app]}
)");
  // node 0.10 lib/net.js errnoException, pasted from the app's error log without times;
  // pm2 0.x lib/God.js exit lines with times.
  std::vector<EventSpec> events{{"", "Error: listen EADDRINUSE", 1}};
  for (int i = 0; i < 3; ++i) {
    EventSpec exit("2026-03-05T08:0" + std::to_string(i) + ":00Z",
                   "App [api:0] exited with code [8] via signal [SIGINT]", 0, 0, SourceKind::pm2);
    events.push_back(exit.of_app("api"));
  }
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 2);
  CHECK(result.diagnoses[0].rule == "bare-eaddrinuse");
  CHECK(names_related(result.diagnoses[0], "pm2-loop"));
  CHECK(result.diagnoses[1].rule == "pm2-loop");
}

namespace {

// pm2 5.4.3's own wording (lib/God.js, lib/God/ForkMode.js): the give-up names the script
// (pm_exec_path), the exits the app; node 20's EADDRINUSE as the app's error log relays it.
// The tie is a `subject_alias` context rule: the script's top-level frame in the app's output.
const std::string kPm2AppAndPort = rules_yaml({R"(  - id: pm2-gave-up
    cause: restart_loop_pm2
    severity: critical
    confidence: 0.9
    match: {regex: 'Script (?P<script>\S+) had too many unstable restarts \(\d+\)\. Stopped\.'}
    key: [script]
  - id: pm2-app-exited
    cause: restart_loop_pm2
    severity: critical
    confidence: 0.85
    match: {regex: 'App \[(?P<app>[^\]:]+):\d+\] exited with code \[1\]'}
    key: [app]
    correlate:
      threshold: {count: 3, within: 2h, group_by: [app]}
  - id: app-port-in-use
    cause: port_conflict
    severity: warning
    confidence: 0.6
    match:
      all:
        - regex: 'listen EADDRINUSE: address already in use :::(?P<port>\d+)'
        - {regex: '^(?P<subject>.+)$', field: app}
    key: [subject, port]
    explains: [restart_loop_pm2]
  - id: script-of-app
    cause: subject_alias
    severity: info
    report: false
    match: {regex: '^\s*at Object\.<anonymous> \((?P<script>/[^()]+?):\d+:\d+\)$'}
)"});

EventSpec pm2_daemon(const std::string& time, const std::string& message) {
  EventSpec spec(time, message, 0, 0, SourceKind::pm2);
  spec.on("", "", "PM2");
  return spec;
}

EventSpec app_line(const std::string& time, const std::string& app, const std::string& message) {
  EventSpec spec(time, message, 0, 0, SourceKind::app);
  spec.of_app(app);
  return spec;
}

std::vector<EventSpec> gave_up(const std::string& script) {
  return {pm2_daemon("2026-12-06T20:34:33Z",
                     "Script " + script + " had too many unstable restarts (15). Stopped. \"errored\"")};
}

std::vector<EventSpec> port_crash(const std::string& app, const std::string& script) {
  std::vector<EventSpec> out = {
      app_line("2026-12-06T20:34:32Z", app, "Error: listen EADDRINUSE: address already in use :::3000"),
      app_line("2026-12-06T20:34:32Z", app, "    at Server.listen (node:net:2067:7)")};
  if (!script.empty()) {
    out.push_back(app_line("2026-12-06T20:34:32Z", app,
                           "    at Object.<anonymous> (" + script + ":1:53)"));
  }
  return out;
}

}  // namespace

TEST_CASE("pm2's give-up on a script the app's own stack names folds under that app's port "
          "conflict, raised to the loop's severity",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  const auto result = analyze(rules, with(gave_up("/srv/bot/index.js"),
                                          port_crash("bot", "/srv/bot/index.js")));
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "app-port-in-use");
  CHECK(root.severity == Severity::critical);
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].rule == "pm2-gave-up");
}

TEST_CASE("without a line naming both, a script path is not its look-alike app",
          "[ranking][linking][pm2]") {
  // /srv/bot/index.js and app `bot`: the folder's name is no tie (script_names.hpp).
  const RuleSet rules = rules_from(kPm2AppAndPort);
  const auto result = analyze(rules, with(gave_up("/srv/bot/index.js"), port_crash("bot", "")));
  const Diagnosis* loop = find_rule(result.diagnoses, "pm2-gave-up");
  const Diagnosis* conflict = find_rule(result.diagnoses, "app-port-in-use");
  REQUIRE(loop != nullptr);
  REQUIRE(conflict != nullptr);
  CHECK(loop->rank == 1);
  CHECK(conflict->severity == Severity::warning);
  CHECK(conflict->explains.empty());
}

TEST_CASE("a script tied to two apps ties to neither", "[ranking][linking][pm2]") {
  // One file started twice under two names (`pm2 start index.js --name a`, `--name b`).
  const RuleSet rules = rules_from(kPm2AppAndPort);
  auto events = with(gave_up("/srv/bot/index.js"), port_crash("bot", "/srv/bot/index.js"));
  events.push_back(app_line("2026-12-06T20:34:32Z", "bot-2",
                            "    at Object.<anonymous> (/srv/bot/index.js:1:53)"));
  const auto result = analyze(rules, events);
  const Diagnosis* loop = find_rule(result.diagnoses, "pm2-gave-up");
  REQUIRE(loop != nullptr);
  CHECK(loop->rank == 1);
  CHECK(find_rule(result.diagnoses, "app-port-in-use")->explains.empty());
}

TEST_CASE("one app's port conflict does not swallow another app's loop",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  auto events = with(gave_up("/srv/worker/index.js"), port_crash("bot", "/srv/bot/index.js"));
  events.push_back(app_line("2026-12-06T20:34:31Z", "worker",
                            "    at Object.<anonymous> (/srv/worker/index.js:4:20)"));
  const auto result = analyze(rules, events);
  const Diagnosis* loop = find_rule(result.diagnoses, "pm2-gave-up");
  const Diagnosis* conflict = find_rule(result.diagnoses, "app-port-in-use");
  REQUIRE(loop != nullptr);
  REQUIRE(conflict != nullptr);
  CHECK(loop->rank == 1);
  CHECK(conflict->severity == Severity::warning);
  CHECK(conflict->explains.empty());
}

TEST_CASE("an app's own exit loop raises its port conflict and folds under it",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  std::vector<EventSpec> events = port_crash("bot", "");
  for (int s = 29; s <= 31; ++s) {
    events.push_back(pm2_daemon("2026-12-06T20:34:" + std::to_string(s) + "Z",
                                "App [bot:0] exited with code [1] via signal [SIGINT]"));
  }
  // The conflict's line comes first: the exits after it are its doing.
  events.front().time = "2026-12-06T20:34:28Z";
  events[1].time = "2026-12-06T20:34:28Z";
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "app-port-in-use");
  CHECK(result.diagnoses[0].severity == Severity::critical);
  CHECK(result.diagnoses[0].explains[0].rule == "pm2-app-exited");
}

namespace {

// Two rules that each find "port N is taken" as a port_conflict: openclaw's refusal (with its
// holder block) and the refusal followed by systemd's restart line (v239+ src/core/service.c).
std::string two_conflict_rules() {
  return std::string(kPortFindings) + R"(  - id: port-in-use-restarted
    cause: port_conflict
    severity: critical
    confidence: 0.85
    match: {regex: 'already listening on wss?://[0-9.]+:(?P<port>\d+)|Scheduled restart job'}
    correlate:
      sequence:
        within: 10m
        steps:
          - match: {regex: 'already listening on wss?://[0-9.]+:(?P<port>\d+)'}
          - match: {regex: 'Scheduled restart job'}
    explains: [restart_loop_systemd]
)";
}

std::vector<EventSpec> refused_then_restarted(const std::string& port) {
  EventSpec refused("2026-03-05T08:20:25Z",
                    "Gateway failed to start: another gateway instance is already listening on "
                    "ws://127.0.0.1:" + port);
  refused.on("oc-gw-01", "", "node", 2301);
  EventSpec holder("2026-03-05T08:20:25Z",
                   "- pid 1187 root: /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 (0.0.0.0:" +
                       port + ")");
  holder.on("oc-gw-01", "", "node", 2301);
  return {refused, holder,
          systemd("2026-03-05T08:20:35Z",
                  "openclaw-gateway.service: Scheduled restart job, restart counter is at 1.",
                  "openclaw-gateway.service", "oc-gw-01")};
}

int count_cause(const std::vector<Diagnosis>& list, const std::string& cause) {
  int n = 0;
  for (const Diagnosis& d : list) n += (d.cause == cause) + count_cause(d.explains, cause);
  return n;
}

}  // namespace

TEST_CASE("two rules' port conflicts about one port and host are one finding",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(two_conflict_rules());
  const auto result = analyze(rules, refused_then_restarted("18789"));
  CHECK(count_cause(result.diagnoses, "port_conflict") == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "port-in-use");  // it names the holder (the restarted one does not)
  CHECK(fact(root, "holder_pid") == "1187");
  bool noted = false;
  for (const std::string& note : root.notes) {
    noted = noted || note.find("'port-in-use-restarted'") != std::string::npos;
  }
  CHECK(noted);
}

TEST_CASE("port conflicts about two ports stay two findings", "[ranking][linking]") {
  const RuleSet rules = rules_from(two_conflict_rules());
  auto events = refused_then_restarted("18789");
  EventSpec other("2026-03-05T08:20:30Z",
                  "Gateway failed to start: another gateway instance is already listening on "
                  "ws://127.0.0.1:19001");
  other.on("oc-gw-01", "", "node", 2400);
  events.insert(events.begin() + 2, other);
  const auto result = analyze(rules, events);
  CHECK(count_cause(result.diagnoses, "port_conflict") >= 2);
}

namespace {

// pm2 5.4.3 lib/God.js: "App [%s:%s] exited with code [%s] via signal [%s]", in pm2.log.
std::vector<EventSpec> app_exit_rounds(const std::string& app, const std::string& host = "",
                                const std::string& minute = "2026-12-06T20:34:") {
  std::vector<EventSpec> out;
  for (int s = 29; s <= 31; ++s) {
    EventSpec exit(minute + std::to_string(s) + "Z",
                   "App [" + app + ":0] exited with code [1] via signal [SIGINT]", 0, 0,
                   SourceKind::pm2);
    exit.on(host, "", "PM2");
    out.push_back(exit);
  }
  return out;
}

// The app's own top-level frame behind pm2's prefix: what ties the give-up's script to it.
EventSpec frame_of(const std::string& app, const std::string& script) {
  return app_line("2026-12-06T20:34:31Z", app, "    at Object.<anonymous> (" + script + ":1:53)");
}

bool has_note(const Diagnosis& d, const std::string& text) {
  return std::any_of(d.notes.begin(), d.notes.end(),
                     [&](const std::string& note) { return note.find(text) != std::string::npos; });
}

bool shows_line(const Diagnosis& d, const std::string& text) {
  return std::any_of(d.evidence.begin(), d.evidence.end(),
                     [&](const Evidence& e) { return e.text.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("pm2's exits of an app and its give-up on the app's script are one finding",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  auto events = with(app_exit_rounds("bot"), gave_up("/srv/bot/index.js"));
  events.push_back(frame_of("bot", "/srv/bot/index.js"));
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "pm2-gave-up");  // the stronger rule keeps its facts and fixes
  CHECK(root.explains.empty());
  CHECK(has_note(root, "rule 'pm2-app-exited' found the same restart_loop_pm2 about bot"));
  CHECK(shows_line(root, "had too many unstable restarts"));
  CHECK(shows_line(root, "App [bot:0] exited"));
  CHECK(root.first_seen.nanos < root.last_seen.nanos);  // the exits' span is the finding's
}

TEST_CASE("without the tie, the give-up and an app's exits stay two findings",
          "[ranking][linking][pm2]") {
  // The same lines, but nothing says /srv/bot/index.js is bot's script.
  const RuleSet rules = rules_from(kPm2AppAndPort);
  const auto result = analyze(rules, with(app_exit_rounds("bot"), gave_up("/srv/bot/index.js")));
  CHECK(result.diagnoses.size() == 2);
}

TEST_CASE("two apps' loops are two findings, the give-up joins its own app's",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  auto events = with(with(app_exit_rounds("bot"), app_exit_rounds("api")), gave_up("/srv/bot/index.js"));
  events.push_back(frame_of("bot", "/srv/bot/index.js"));
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 2);
  const Diagnosis* bot = find_rule(result.diagnoses, "pm2-gave-up");
  const Diagnosis* api = find_rule(result.diagnoses, "pm2-app-exited");
  REQUIRE(bot != nullptr);
  REQUIRE(api != nullptr);
  CHECK(fact(*api, "app") == "api");
  CHECK_FALSE(shows_line(*bot, "App [api:0]"));
  CHECK_FALSE(has_note(*api, "merged here"));
}

TEST_CASE("one app's loop on two hosts is two findings", "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  const auto result = analyze(rules, with(app_exit_rounds("bot", "gw-a"), app_exit_rounds("bot", "gw-b")));
  REQUIRE(result.diagnoses.size() == 2);
  CHECK(result.diagnoses[0].host != result.diagnoses[1].host);
}

TEST_CASE("one app's loop and a give-up hours later are two findings", "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  auto events = with(app_exit_rounds("bot", "", "2026-12-06T08:00:"), gave_up("/srv/bot/index.js"));
  events.push_back(frame_of("bot", "/srv/bot/index.js"));
  CHECK(analyze(rules, events).diagnoses.size() == 2);
}

TEST_CASE("findings of two causes about one app are folded, not merged",
          "[ranking][linking][pm2]") {
  const RuleSet rules = rules_from(kPm2AppAndPort);
  std::vector<EventSpec> events = port_crash("bot", "");
  events.front().time = "2026-12-06T20:34:28Z";
  events[1].time = "2026-12-06T20:34:28Z";
  const auto result = analyze(rules, with(events, app_exit_rounds("bot")));
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].cause == "port_conflict");
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].cause == "restart_loop_pm2");
  CHECK_FALSE(has_note(result.diagnoses[0], "merged here"));
}

namespace {

// Raw `dmesg` (seconds since boot: linux 6.1 mm/oom_kill.c __oom_kill_process) beside the
// unit's `systemctl status` (systemd v252 src/systemctl/systemctl-show.c: "Main PID: %u (%s)"
// with "code=killed, signal=KILL" once the process is gone) and its journal: two clocks that
// cannot be compared, and a pid that can.
Event raw_dmesg_kill(int pid) {
  Event event;
  event.time = Timestamp{TimeKind::monotonic, TimePrecision::micros, 2198039625000LL};
  event.time_text = "[ 2198.039625]";
  event.source = SourceKind::kernel;
  event.parser = "dmesg";
  event.process = "kernel";
  event.message = "Out of memory: Killed process " + std::to_string(pid) +
                  " (node) total-vm:11894452kB, anon-rss:1523448kB, file-rss:0kB, "
                  "shmem-rss:0kB, UID:1000 pgtables:4316kB oom_score_adj:0";
  event.raw = "[ 2198.039625] " + event.message;
  event.where.input = "paste";
  return event;
}

// The header of `systemctl status api` as the systemctl-status parser makes it: the unit, and
// its main process's pid (the header names no process of its own).
Event status_header(int main_pid, const std::string& result,
                    const std::string& unit = "api.service",
                    const std::string& main_exit = "code=killed, signal=KILL") {
  Event event = make_event(EventSpec(
      "2026-03-05T08:00:02Z",
      unit + " - API server\nActive: activating (auto-restart) (Result: " + result +
          ") since Thu 2026-03-05 08:00:02 UTC; 2s ago\nMain PID: " + std::to_string(main_pid) +
          " (" + main_exit + ")",
      0, 0, SourceKind::systemd));
  event.unit = unit;
  event.pid = main_pid;
  event.parser = "systemctl-status";
  event.where.input = "paste";
  return event;
}

const std::string kStatusRule = R"(  - id: unit-status-failed
    cause: unit_exit
    severity: info
    confidence: 0.5
    match: {regex: 'Active: (?:failed|activating \(auto-restart\)) \(Result: (?P<result>[\w-]+)\)'}
)";

// The kill, loop and exit rules with the status-header rule: what the Main PID tests run.
RuleSet oom_loop_and_status_rules() {
  return rules_from(rules_yaml({kOomAndLoop.substr(kOomAndLoop.find("  - id:")), kStatusRule}));
}

// The unit's loop is a finding of its own: not folded under the kill, nor "possibly related".
void check_loop_apart_from_kill(const AnalysisResult& result) {
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  const Diagnosis* oom = find_rule(result.diagnoses, "oom-killed-process");
  REQUIRE(loop != nullptr);
  REQUIRE(oom != nullptr);
  CHECK(loop->rank != 0);
  CHECK_FALSE(names_related(*oom, "unit-restart-loop"));
}

AnalysisResult analyze_events(const RuleSet& rules, std::vector<Event> events) {
  Analyzer analyzer(rules, {});
  std::uint64_t line = 0;
  for (Event& event : events) {
    event.where.line = ++line;
    analyzer.add(event, 0);
  }
  return analyzer.finish();
}

std::vector<Event> paste_of(Event kill, Event header, const std::string& loop_exit) {
  std::vector<Event> events{std::move(kill), std::move(header)};
  for (const EventSpec& spec : loop_rounds("2026-03-05", loop_exit)) {
    events.push_back(make_event(spec));
    events.back().where.input = "paste";
  }
  return events;
}

}  // namespace

TEST_CASE("raw dmesg's kill of pid N and the unit whose Main PID was N: linked across clocks",
          "[ranking][linking]") {
  const RuleSet rules = oom_loop_and_status_rules();
  const auto result = analyze_events(
      rules, paste_of(raw_dmesg_kill(2301), status_header(2301, "signal"),
                      "code=killed, status=9/KILL"));
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->rank == 0);  // folded under the kill
  REQUIRE(rank_of(result, "oom-killed-process") == 1);
  CHECK(find_rule(result.diagnoses[0].explains, "unit-restart-loop") != nullptr);
}

TEST_CASE("the status alone saying Main PID N was killed links N's OOM kill",
          "[ranking][linking]") {
  // No journal lines: the header's own "Main PID: N (code=killed, signal=KILL)" is the exit.
  const RuleSet rules = rules_from(rules_yaml({R"(  - id: oom-killed-process
    cause: oom_kernel
    severity: critical
    confidence: 0.85
    match: {regex: '^Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>[^)]+)\)'}
    key: [killed_pid]
    explains: [oom_systemd]
  - id: unit-status-oom-kill
    cause: oom_systemd
    severity: error
    confidence: 0.9
    match: {regex: 'Active: (?:failed|activating \(auto-restart\)) \(Result: oom-kill\)'}
)"}));
  const auto result =
      analyze_events(rules, {raw_dmesg_kill(2301), status_header(2301, "oom-kill")});
  REQUIRE(!result.diagnoses.empty());
  CHECK(result.diagnoses[0].rule == "oom-killed-process");
  CHECK(find_rule(result.diagnoses[0].explains, "unit-status-oom-kill") != nullptr);
  // Another pid: two findings, the unit's failure not folded under this kill.
  const auto other =
      analyze_events(rules, {raw_dmesg_kill(2302), status_header(2301, "oom-kill")});
  REQUIRE(!other.diagnoses.empty());
  CHECK(find_rule(other.diagnoses[0].explains, "unit-status-oom-kill") == nullptr);
  // The same pid, but the status says it exited by itself: no kill to link.
  const auto exited = analyze_events(
      rules, {raw_dmesg_kill(2301),
              status_header(2301, "oom-kill", "api.service", "code=exited, status=1/FAILURE")});
  REQUIRE(!exited.diagnoses.empty());
  CHECK(find_rule(exited.diagnoses[0].explains, "unit-status-oom-kill") == nullptr);
}

TEST_CASE("a kill of another pid than the unit's Main PID is not linked to its loop",
          "[ranking][linking]") {
  const RuleSet rules = oom_loop_and_status_rules();
  const auto result = analyze_events(
      rules, paste_of(raw_dmesg_kill(2301), status_header(2388, "signal"),
                      "code=killed, status=9/KILL"));
  const Diagnosis* loop = find_rule(result.diagnoses, "unit-restart-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->rank != 0);  // a root of its own, at most possibly related
}

TEST_CASE("the unit's Main PID killed, but its loop exits with status 1: not the kill's doing",
          "[ranking][linking]") {
  const RuleSet rules = oom_loop_and_status_rules();
  const auto result = analyze_events(
      rules, paste_of(raw_dmesg_kill(2301),
                      status_header(2301, "exit-code", "api.service", "code=exited, status=1/FAILURE"),
                      "code=exited, status=1/FAILURE"));
  check_loop_apart_from_kill(result);
}

TEST_CASE("the unit's Main PID killed days before its loop, on one clock: not linked",
          "[ranking][linking]") {
  const RuleSet rules = oom_loop_and_status_rules();
  Event kill = make_event(kernel("2026-03-02T08:00:01Z",
                                 "Out of memory: Killed process 2301 (node) total-vm:1826352kB"));
  Event header = status_header(2301, "signal");
  header.time = *parse_iso8601("2026-03-02T08:00:02Z");
  const auto result =
      analyze_events(rules, paste_of(std::move(kill), std::move(header), "code=killed, status=9/KILL"));
  check_loop_apart_from_kill(result);
}

TEST_CASE("a kill whose pid the input ties to a service is that service's error, not the gateway's",
          "[ranking][linking][oom]") {
  const RuleSet rules = oom_loop_and_status_rules();
  const auto api = analyze_events(rules, {raw_dmesg_kill(2301), status_header(2301, "signal")});
  const Diagnosis* kill = find_rule(api.diagnoses, "oom-killed-process");
  REQUIRE(kill != nullptr);
  CHECK(kill->severity == Severity::error);
  CHECK(kill->title.find("a process of api") != std::string::npos);
  // The gateway's own unit keeps the kill critical; another pid ties nothing.
  const auto gateway = analyze_events(
      rules, {raw_dmesg_kill(2301), status_header(2301, "signal", "openclaw-gateway.service")});
  const Diagnosis* gateway_kill = find_rule(gateway.diagnoses, "oom-killed-process");
  REQUIRE(gateway_kill != nullptr);
  CHECK(gateway_kill->severity == Severity::critical);
  const auto other = analyze_events(rules, {raw_dmesg_kill(2301), status_header(2388, "signal")});
  const Diagnosis* other_kill = find_rule(other.diagnoses, "oom-killed-process");
  REQUIRE(other_kill != nullptr);
  CHECK(other_kill->severity == Severity::critical);
  // The status says the process with that pid exited with status 1: the kill was not its death.
  const auto exited = analyze_events(
      rules, {raw_dmesg_kill(2301),
              status_header(2301, "exit-code", "api.service", "code=exited, status=1/FAILURE")});
  const Diagnosis* exited_kill = find_rule(exited.diagnoses, "oom-killed-process");
  REQUIRE(exited_kill != nullptr);
  CHECK(exited_kill->severity == Severity::critical);
  CHECK(exited_kill->title.find("a process of") == std::string::npos);
}

TEST_CASE("a pid tied to a service on another host ties nothing here", "[ranking][linking][oom]") {
  const RuleSet rules = oom_loop_and_status_rules();
  Event kill = raw_dmesg_kill(2301);
  kill.host = "web-1";
  Event header = status_header(2301, "signal");
  header.host = "db-1";
  const auto apart = analyze_events(rules, {kill, header});
  const Diagnosis* apart_kill = find_rule(apart.diagnoses, "oom-killed-process");
  REQUIRE(apart_kill != nullptr);
  CHECK(apart_kill->severity == Severity::critical);
  CHECK(apart_kill->title.find("a process of") == std::string::npos);
  // The same host: api's.
  header.host = "web-1";
  const auto same = analyze_events(rules, {kill, header});
  const Diagnosis* same_kill = find_rule(same.diagnoses, "oom-killed-process");
  REQUIRE(same_kill != nullptr);
  CHECK(same_kill->severity == Severity::error);
}

TEST_CASE("kills of two pids in one finding, one tied to a service: still maybe the gateway",
          "[ranking][linking][oom]") {
  // One finding per process name (as the pack's node rule keys it): pid 1111 is tied to
  // nothing, so it may be the gateway, whatever pid 2301's tie says.
  const RuleSet rules = rules_from(rules_yaml({R"(  - id: oom-killed-node
    cause: oom_kernel
    severity: critical
    confidence: 0.7
    match: {regex: '^Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>node)\)'}
    key: [killed_process]
)",
                                               kStatusRule}));
  const auto both = analyze_events(
      rules, {raw_dmesg_kill(1111), raw_dmesg_kill(2301), status_header(2301, "signal")});
  const Diagnosis* kill = find_rule(both.diagnoses, "oom-killed-node");
  REQUIRE(kill != nullptr);
  CHECK(kill->severity == Severity::critical);
  CHECK(kill->title.find("a process of") == std::string::npos);
  // Both pids tied to api: api's.
  const auto tied = analyze_events(rules, {raw_dmesg_kill(2301), status_header(2301, "signal")});
  const Diagnosis* tied_kill = find_rule(tied.diagnoses, "oom-killed-node");
  REQUIRE(tied_kill != nullptr);
  CHECK(tied_kill->severity == Severity::error);
}

namespace {

// A gateway's own error with milliseconds, and systemd's exit of its unit written to the
// second (journalctl's short format): node's "listen EADDRINUSE: address already in use
// 127.0.0.1:18789" (net.js, node 12-24), systemd v23x+ "Main process exited".
const std::string kPortAndExit = rules_yaml({R"(  - id: port-taken
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'listen EADDRINUSE: address already in use [\d.]+:(?P<port>\d+)'}
    explains: [crash]
  - id: unit-failed-once
    cause: crash
    severity: warning
    confidence: 0.5
    match: {regex: '^(?P<unit>[\w@.-]+\.service): Main process exited, code=exited, status=1'}
    key: [unit]
)"});

std::vector<EventSpec> error_then_exit(const std::string& error_time) {
  return {EventSpec(error_time, "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789")
              .on("gw-01", "openclaw-gateway.service", "node", 2301),
          EventSpec("2026-03-05T08:20:25Z",
                    "openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE")
              .on("gw-01", "openclaw-gateway.service", "systemd", 1)};
}

}  // namespace

TEST_CASE("a time written to the second is any moment of it: the exit folds under its cause",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kPortAndExit);
  SECTION("the error 36 ms into the exit's second explains it") {
    const auto result = analyze(rules, error_then_exit("2026-03-05T08:20:25.036Z"));
    REQUIRE(result.diagnoses.size() == 1);
    CHECK(result.diagnoses[0].rule == "port-taken");
    REQUIRE(result.diagnoses[0].explains.size() == 1);
    CHECK(result.diagnoses[0].explains[0].rule == "unit-failed-once");
  }
  SECTION("an error two seconds after the exit does not") {
    const auto result = analyze(rules, error_then_exit("2026-03-05T08:20:27.036Z"));
    CHECK(result.diagnoses.size() == 2);
  }
}

// V8 prints its heap report and aborts; the shell that ran node then prints how the command
// ended, on the next line, with no name or time (bash 5.2 jobs.c, notify_of_job_status:
// "Aborted (core dumped)"). That line belongs to the report right above it, and to nothing else.
const std::string kHeapAndShell = rules_yaml({R"(  - id: heap-oom
    cause: node_heap_oom
    severity: critical
    confidence: 0.9
    match: {regex: 'FATAL ERROR: [^\n]*JavaScript heap out of memory'}
    explains: [crash]
  - id: shell-abort
    cause: crash
    severity: error
    confidence: 0.55
    match: {regex: '^Aborted \(core dumped\)$'}
)"});

const std::string kHeapRecord =
    "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
    " 1: 0xb7b150 node::Abort() [node]\n"
    " 2: 0xa8c89a  [node]";

TEST_CASE("a shell's notice on the line right after a heap report folds under it",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kHeapAndShell);
  // The report spans lines 4-6 of the paste; the shell's line is line 7.
  const auto result =
      analyze(rules, {EventSpec("", kHeapRecord, 0, 4, SourceKind::other),
                      EventSpec("", "Aborted (core dumped)", 0, 7, SourceKind::other)});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "heap-oom");
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].rule == "shell-abort");
}

TEST_CASE("a shell's notice further down, or in another input, is only possibly related",
          "[ranking][linking]") {
  const RuleSet rules = rules_from(kHeapAndShell);
  for (const auto& [input, line] : {std::pair<std::size_t, std::uint64_t>{0, 9}, {1, 7}}) {
    const auto result =
        analyze(rules, {EventSpec("", kHeapRecord, 0, 4, SourceKind::other),
                        EventSpec("", "Aborted (core dumped)", input, line, SourceKind::other)});
    const Diagnosis* shell = find_rule(result.diagnoses, "shell-abort");
    REQUIRE(shell != nullptr);
    CHECK(shell->rank != 0);
    CHECK(names_related(*shell, "heap-oom"));
  }
}
