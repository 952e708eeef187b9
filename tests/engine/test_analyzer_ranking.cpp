// Folding symptoms under their causes and ranking the roots (docs/ranking.md).
#include "analysis/ranking.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kPortAndLoop = R"(logdx_rules: 1
rules:
  - id: gateway-port-in-use
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'listen EADDRINUSE: address already in use [0-9.]+:(?P<port>\d+)'}
    explains: [restart_loop_systemd, gateway_not_ready]
  - id: systemd-restart-loop
    cause: restart_loop_systemd
    severity: critical
    confidence: 0.85
    match: {regex: '(?P<unit>[\w@.-]+\.service): Scheduled restart job, restart counter is at (?P<n>\d+)'}
    correlate:
      threshold: {count: 3, within: 5m}
)";

const char* const kTokenAndStorm = R"(logdx_rules: 1
rules:
  - id: device-token-mismatch
    cause: token_mismatch
    severity: error
    confidence: 0.8
    match: {regex: 'device token mismatch'}
    explains: [gateway_disconnects]
  - id: close-4008-storm
    cause: gateway_disconnects
    severity: error
    confidence: 0.7
    match: {regex: 'disconnected \((?P<code>4008)\): connect failed'}
    correlate:
      threshold: {count: 5, within: 1m}
)";

std::vector<EventSpec> port_conflict_loop() {
  std::vector<EventSpec> events;
  for (int i = 0; i < 4; ++i) {
    const std::string minute = "2026-03-05T08:2" + std::to_string(i);
    events.push_back(
        {minute + ":25Z", "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"});
    events.push_back(
        {minute + ":35Z",
         "openclaw.service: Scheduled restart job, restart counter is at " + std::to_string(i + 1),
         0, 0, SourceKind::systemd});
  }
  return events;
}

}  // namespace

TEST_CASE("a restart loop is folded under the port conflict that explains it", "[ranking]") {
  const RuleSet rules = rules_from(kPortAndLoop);
  const auto result = analyze(rules, port_conflict_loop());
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.cause == "port_conflict");
  CHECK(root.rank == 1);
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].cause == "restart_loop_systemd");
  CHECK(root.explains[0].rank == 0);
  CHECK(root.explains[0].count == 4);
}

TEST_CASE("without its cause the restart loop is a root of its own", "[ranking]") {
  const RuleSet rules = rules_from(kPortAndLoop);
  std::vector<EventSpec> events;
  for (const EventSpec& e : port_conflict_loop()) {
    if (e.source == SourceKind::systemd) events.push_back(e);
  }
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].cause == "restart_loop_systemd");
  CHECK(result.diagnoses[0].rank == 1);
}

TEST_CASE("a 4008 close storm is folded under the token mismatch", "[ranking]") {
  const RuleSet rules = rules_from(kTokenAndStorm);
  std::vector<EventSpec> events;
  events.push_back({"2026-03-05T08:20:00Z", "[ws] device token mismatch (deviceId=abc)"});
  for (int i = 0; i < 30; ++i) {
    events.push_back({"2026-03-05T08:20:" + std::to_string(10 + i) + "Z",
                      "[ws] disconnected (4008): connect failed", 1});
  }
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].cause == "token_mismatch");
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].count == 30);
  CHECK(result.diagnoses[0].explains[0].evidence_omitted == 25);
}

TEST_CASE("two causes that explain each other: the heavier is the root", "[ranking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: a
    cause: cause_a
    severity: error
    confidence: 0.6
    match: {regex: 'alpha'}
    explains: [cause_b]
  - id: b
    cause: cause_b
    severity: error
    confidence: 0.9
    match: {regex: 'beta'}
    explains: [cause_a]
)");
  // In the same second, so time does not decide which came first (a cause never follows its
  // symptom: with a before b, only a could explain b).
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:00Z", "alpha"}, {"2026-03-05T08:20:00Z", "beta"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "b");
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].rule == "a");
}

TEST_CASE("an info finding never folds an error, nor outranks it", "[ranking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: slow
    cause: slow_start
    severity: info
    confidence: 1.0
    match: {regex: 'still starting'}
    explains: [crash]
  - id: crashed
    cause: crash
    severity: error
    confidence: 0.3
    match: {regex: 'Uncaught TypeError'}
)");
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:00Z", "still starting"},
                      {"2026-03-05T08:20:01Z", "Uncaught TypeError: x is undefined"}});
  REQUIRE(result.diagnoses.size() == 2);
  CHECK(result.diagnoses[0].rule == "crashed");
  CHECK(result.diagnoses[0].rank == 1);
  CHECK(result.diagnoses[1].rule == "slow");
  CHECK(result.diagnoses[1].rank == 2);
}

TEST_CASE("roots rank by severity, then confidence × evidence, then first seen", "[ranking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - {id: warn, cause: w, severity: warning, confidence: 0.99, match: {regex: 'memory pressure'}}
  - {id: err-low, cause: e1, severity: error, confidence: 0.5, match: {regex: 'proxy refused'}}
  - {id: err-high, cause: e2, severity: error, confidence: 0.8, match: {regex: 'token rejected'}}
  - {id: crit, cause: c, severity: critical, confidence: 0.5, match: {regex: 'cannot start'}}
  - {id: err-late, cause: e3, severity: error, confidence: 0.5, match: {regex: 'auth broken'}}
)");
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "memory pressure"},
                                      {"2026-03-05T08:20:01Z", "auth broken"},
                                      {"2026-03-05T08:20:00Z", "proxy refused"},
                                      {"2026-03-05T08:20:02Z", "token rejected"},
                                      {"2026-03-05T08:20:03Z", "cannot start"}});
  std::vector<std::string> order;
  for (const Diagnosis& d : result.diagnoses) order.push_back(d.rule);
  CHECK(order == std::vector<std::string>{"crit", "err-high", "err-low", "err-late", "warn"});
  for (std::size_t i = 0; i < result.diagnoses.size(); ++i) {
    CHECK(result.diagnoses[i].rank == static_cast<int>(i + 1));
  }
}

TEST_CASE("more distinct evidence lifts a diagnosis among equals", "[ranking]") {
  CHECK(analysis::evidence_strength(1, 0) == Approx(0.75));
  CHECK(analysis::evidence_strength(2, 0) > analysis::evidence_strength(1, 1));
  CHECK(analysis::evidence_strength(1, 1) > analysis::evidence_strength(1, 0));
  CHECK(analysis::evidence_strength(1000, 0) < 1.0);
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - {id: once, cause: c1, severity: error, confidence: 0.7, match: {regex: 'fault one'}}
  - {id: thrice, cause: c2, severity: error, confidence: 0.7, match: {regex: 'fault two'}}
)");
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "fault one"},
                                      {"2026-03-05T08:20:01Z", "fault two"},
                                      {"2026-03-05T08:20:02Z", "fault two"},
                                      {"2026-03-05T08:20:03Z", "fault two"}});
  REQUIRE(result.diagnoses.size() == 2);
  CHECK(result.diagnoses[0].rule == "thrice");
}

TEST_CASE("a cause never folds a symptom that ended before it began", "[ranking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - {id: a, cause: ca, severity: error, confidence: 0.6, match: {regex: 'alpha'}, explains: [cb]}
  - {id: b, cause: cb, severity: error, confidence: 0.9, match: {regex: 'beta'}, explains: [ca]}
)");
  // b is heavier, but a came first: only a can be b's cause.
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:00Z", "alpha"}, {"2026-03-05T08:20:01Z", "beta"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "a");
  REQUIRE(result.diagnoses[0].explains.size() == 1);
  CHECK(result.diagnoses[0].explains[0].rule == "b");
}

TEST_CASE("a cycle of three explanations is broken at its heaviest member", "[ranking]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - {id: a, cause: ca, severity: error, confidence: 0.5, match: {regex: 'alpha'}, explains: [cb]}
  - {id: b, cause: cb, severity: error, confidence: 0.9, match: {regex: 'beta'}, explains: [cc]}
  - {id: c, cause: cc, severity: error, confidence: 0.7, match: {regex: 'gamma'}, explains: [ca]}
)");
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "alpha"},
                                      {"2026-03-05T08:20:00Z", "beta"},
                                      {"2026-03-05T08:20:00Z", "gamma"}});
  // b is the heaviest, so it is the root: b explains c, c explains a.
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.rule == "b");
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].rule == "c");
  REQUIRE(root.explains[0].explains.size() == 1);
  CHECK(root.explains[0].explains[0].rule == "a");
}
