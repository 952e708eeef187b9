// join: a diagnosis that stands only with (or is weaker without) another rule's diagnosis on
// equal captures; and the causes.md traps the pack builds from joins and lists.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// The port-conflict trap: EADDRINUSE is a foreign conflict only when the holder of that port
// is not the gateway itself.
const char* const kPortWithHolder = R"(logdx_rules: 1
lists:
  gateway_names: [openclaw, openclaw-gateway, node]
rules:
  - id: port-holder-foreign
    title: "{holder_command} (pid {holder_pid}) holds port {port}"
    cause: port_holder
    severity: info
    match:
      all:
        - regex: 'pid (?P<holder_pid>\d+) \w+: \S*?(?P<holder_command>[\w-]+)(?: .*)? \(0\.0\.0\.0:(?P<port>\d+)\)'
        - not: {regex: 'pid \d+ \w+: \S*?(?:{{list:gateway_names}})\b'}
  - id: gateway-port-in-use
    title: "Port {port} is held by {holder_command}"
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'listen EADDRINUSE: address already in use [0-9.]+:(?P<port>\d+)'}
    key: [port]
    correlate:
      join: {rule: port-holder-foreign, on: {port: port}}
    fixes:
      - command: "lsof -i :{port}"
        why: "see which process holds the port"
)";

const std::string kInUse = "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789";

const char* const kOptionalJoin = R"(logdx_rules: 1
rules:
  - id: gateway-started-pid
    cause: gateway_started
    severity: info
    match: {regex: 'gateway started \(pid (?P<pid>\d+)\)'}
  - id: oom-killed-gateway
    title: "the kernel killed pid {killed_pid}"
    cause: oom_kernel
    severity: critical
    confidence: 0.9
    match: {regex: 'Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>[^)]+)\)'}
    correlate:
      join: {rule: gateway-started-pid, on: {killed_pid: pid}, required: false, confidence_without: 0.4}
)";

}  // namespace

TEST_CASE("join: with its partner the diagnosis stands, with the partner's facts and line",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortWithHolder);
  const auto result = analyze(
      rules,
      {{"2026-03-05T08:20:25Z", kInUse},
       {"2026-03-05T08:20:25.152Z",
        "- pid 1187 root: /usr/bin/docker-proxy -proto tcp -host-port 18789 (0.0.0.0:18789)"}});
  const Diagnosis* d = find_rule(result.diagnoses, "gateway-port-in-use");
  REQUIRE(d != nullptr);
  CHECK(d->title == "Port 18789 is held by docker-proxy");
  CHECK(d->confidence == Approx(0.9));
  REQUIRE(d->evidence.size() == 2);
  CHECK_THAT(d->evidence[1].text, Catch::Contains("docker-proxy"));
  CHECK(d->fixes[0].text == "lsof -i :18789");
  CHECK(result.diagnoses[0].rule == "gateway-port-in-use");  // critical outranks the info
}

TEST_CASE("join: a required join without partner drops the diagnosis (holder is the gateway)",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortWithHolder);
  const auto own = analyze(
      rules, {{"2026-03-05T08:20:25Z", kInUse},
              {"2026-03-05T08:20:25.152Z", "- pid 901 ocuser: openclaw-gateway (0.0.0.0:18789)"}});
  CHECK(find_rule(own.diagnoses, "gateway-port-in-use") == nullptr);
  // A foreign holder of another port does not join either.
  const auto other =
      analyze(rules, {{"2026-03-05T08:20:25Z", kInUse},
                      {"2026-03-05T08:20:25.152Z", "- pid 77 root: /usr/sbin/nginx (0.0.0.0:80)"}});
  CHECK(find_rule(other.diagnoses, "gateway-port-in-use") == nullptr);
}

TEST_CASE("join: optional join sets confidence_without when no partner is found", "[analyzer]") {
  const RuleSet rules = rules_from(kOptionalJoin);
  const std::string kill = "Out of memory: Killed process 2301 (node) total-vm:1843212kB";
  const auto with = analyze(rules, {{"2026-03-05T08:00:00Z", "gateway started (pid 2301)"},
                                    {"2026-03-05T09:00:00Z", kill}});
  const Diagnosis* joined = find_rule(with.diagnoses, "oom-killed-gateway");
  REQUIRE(joined != nullptr);
  CHECK(joined->confidence == Approx(0.9));
  const auto without = analyze(rules, {{"2026-03-05T08:00:00Z", "gateway started (pid 4444)"},
                                       {"2026-03-05T09:00:00Z", kill}});
  const Diagnosis* alone = find_rule(without.diagnoses, "oom-killed-gateway");
  REQUIRE(alone != nullptr);
  CHECK(alone->confidence == Approx(0.4));
  CHECK(alone->title == "the kernel killed pid 2301");
}

TEST_CASE("an OOM rule limited to gateway names by a list ignores postgres", "[analyzer]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
lists:
  gateway_names: [openclaw, openclaw-gateway, node]
rules:
  - id: oom-kill-gateway
    cause: oom_kernel
    severity: critical
    match: {regex: 'Out of memory: Killed process (?P<killed_pid>\d+) \((?P<killed_process>{{list:gateway_names}})\)'}
)");
  CHECK(analyze(rules, {{"2026-03-05T09:00:00Z", "Out of memory: Killed process 812 (postgres)"}})
            .diagnoses.empty());
  CHECK(analyze(rules, {{"2026-03-05T09:00:00Z", "Out of memory: Killed process 2301 (node)"}})
            .diagnoses.size() == 1);
}

TEST_CASE("join partner lines beyond evidence_partner are counted, not dropped", "[analyzer]") {
  const RuleSet rules = rules_from(kPortWithHolder);
  std::vector<EventSpec> events = {{"2026-03-05T08:20:25Z", kInUse}};
  for (int pid = 1187; pid < 1192; ++pid) {
    events.push_back({"2026-03-05T08:20:26Z", "- pid " + std::to_string(pid) +
                                                  " root: /usr/bin/docker-proxy (0.0.0.0:18789)"});
  }
  AnalyzerOptions options;
  options.evidence_partner = 1;
  const auto result = analyze(rules, events, options);
  const Diagnosis* d = find_rule(result.diagnoses, "gateway-port-in-use");
  REQUIRE(d != nullptr);
  CHECK(d->evidence.size() == 2);
  CHECK(d->evidence_omitted == 4);
}

namespace {

// "The input shows X": a context rule (`report: false`, cause input_fact) as a join's target,
// with an empty `on`, stands for any of its lines on the same host.
const char* const kInputFact = R"(logdx_rules: 1
rules:
  - id: input-runs-in-container
    cause: input_fact
    severity: info
    report: false
    match: {regex: '\bdocker(?:-compose| compose) up\b'}
  - id: refused-loopback-in-container
    title: "refused at {host} port {port} inside a container"
    cause: host_port_mismatch
    severity: error
    confidence: 0.7
    match: {regex: 'connect ECONNREFUSED (?P<host>127\.0\.0\.1):(?P<port>\d+)'}
    correlate:
      join: {rule: input-runs-in-container, on: {}}
  - id: crash-loop
    cause: restart_loop_docker
    severity: error
    match: {regex: 'exited with code 1'}
)";

}  // namespace

TEST_CASE("join: a context rule with an empty on is a fact about the input", "[analyzer]") {
  const RuleSet rules = rules_from(kInputFact);
  const std::string refused = "Error: connect ECONNREFUSED 127.0.0.1:5432";
  const auto with = analyze(rules, {{"", "$ docker compose up"}, {"", refused}});
  const Diagnosis* d = find_rule(with.diagnoses, "refused-loopback-in-container");
  REQUIRE(d != nullptr);
  CHECK(d->title == "refused at 127.0.0.1 port 5432 inside a container");
  CHECK(d->confidence == Approx(0.7));
  // The fact's line is the partner evidence; the context rule itself is never a diagnosis.
  REQUIRE(d->evidence.size() == 2);
  CHECK_THAT(d->evidence[1].text, Catch::Contains("docker compose up"));
  CHECK(find_rule(with.diagnoses, "input-runs-in-container") == nullptr);
  // Without the fact anywhere in the input, the required join drops the diagnosis.
  const auto without = analyze(rules, {{"", "$ systemctl start app"}, {"", refused}});
  CHECK(find_rule(without.diagnoses, "refused-loopback-in-container") == nullptr);
}

TEST_CASE("join: an input fact is never an app's last words", "[analyzer]") {
  const RuleSet rules = rules_from(kInputFact);
  const auto result = analyze(rules, {{"", "$ docker compose up"},
                                      {"", "app_1 exited with code 1"},
                                      {"", "app_1 exited with code 1"}});
  for (const Diagnosis& d : result.diagnoses) {
    for (const Evidence& e : d.evidence) CHECK_THAT(e.text, !Catch::Contains("compose up"));
  }
}
