// The analyzer behind the real parsers, on a corpus case: `cat syslog syslog.1` (case 11) puts
// yesterday's stop after today's refusals; the sequence must still see stop -> refused.
#include <filesystem>

#include "analyzer_test_support.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/input_set.hpp"

#include <fmt/format.h>

using namespace logdx;
using namespace logdx::testing;

namespace {

std::vector<Event> events_of(const std::string& relative) {
  const ParserRegistry registry = ParserRegistry::builtin();
  const std::filesystem::path path =
      std::filesystem::path(LOGDX_RULES_DIR) / ".." / "corpus" / relative;
  const ResolvedInputs resolved = resolve_inputs({path.string()});
  REQUIRE(resolved.inputs.size() == 1);
  ReaderOptions options;
  options.year = 2026;
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> diagnostics;
  EventReader(registry, options)
      .read(resolved.inputs[0], [&](Event&& e) { events.push_back(std::move(e)); }, diagnostics);
  return events;
}

AnalysisResult analyze_file(const RuleSet& rules, const std::string& relative) {
  Analyzer analyzer(rules);
  for (const Event& event : events_of(relative)) analyzer.add(event, 0);
  return analyzer.finish();
}

}  // namespace

TEST_CASE("case 11: a stop yesterday explains today's refusals despite the paste order",
          "[analyzer]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: gateway-stopped-then-refused
    title: "The gateway was stopped and nothing listens on {port}"
    cause: gateway_not_running
    severity: critical
    match:
      any:
        - regex: 'Stopped OpenClaw Gateway'
        - regex: 'Gateway not reachable at ws://[\d.]+:(?P<port>\d+) \(ECONNREFUSED\)'
    correlate:
      sequence:
        within: 1d
        steps:
          - match: {regex: 'Stopped OpenClaw Gateway'}
          - match: {regex: 'Gateway not reachable at ws://[\d.]+:(?P<port>\d+) \(ECONNREFUSED\)'}
    explains: [gateway_not_connected]
    fixes:
      - {command: "openclaw gateway start", why: "start it again"}
  - id: send-failed-not-connected
    cause: gateway_not_connected
    match: {regex: 'Send failed: Gateway not connected'}
)");
  const auto result =
      analyze_file(rules, "cases/11-gateway-not-running-stopped-yesterday-out-of-order/input.log");
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.cause == "gateway_not_running");
  CHECK(root.title == "The gateway was stopped and nothing listens on 18789");
  REQUIRE(root.evidence.size() == 2);
  CHECK(root.evidence[0].text ==
        "Jun  2 22:14:03 pi-claw systemd[1104]: Stopped OpenClaw Gateway.");
  CHECK(root.evidence[1].text ==
        "Jun  2 23:00:04 pi-claw openclaw-digest.sh[5230]: Gateway not reachable at "
        "ws://127.0.0.1:18789 (ECONNREFUSED).");
  REQUIRE(root.explains.size() == 1);
  CHECK(root.explains[0].cause == "gateway_not_connected");
  CHECK(root.explains[0].count == 10);  // every hourly digest run
}

TEST_CASE("case 01: a foreign holder joins the port conflict, the restart loop folds under it",
          "[analyzer]") {
  const RuleSet rules = rules_from(R"yaml(logdx_rules: 1
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
    title: "Port {port} is held by {holder_command} (pid {holder_pid})"
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'listen EADDRINUSE: address already in use [0-9.]+:(?P<port>\d+)'}
    key: [port]
    correlate:
      join: {rule: port-holder-foreign, on: {port: port}}
    explains: [restart_loop_systemd]
    fixes:
      - {command: "lsof -i :{port}", why: "see which process holds the port"}
  - id: systemd-restart-loop
    cause: restart_loop_systemd
    severity: critical
    match: {regex: '(?P<unit>[\w@.-]+\.service): Scheduled restart job, restart counter is at (?P<n>\d+)'}
    key: [unit]
    correlate:
      threshold: {count: 3, within: 5m, group_by: [unit]}
)yaml");
  const auto result = analyze_file(rules, "cases/01-port-conflict-systemd-docker-proxy/input.log");
  REQUIRE_FALSE(result.diagnoses.empty());
  const Diagnosis& root = result.diagnoses[0];
  CHECK(root.cause == "port_conflict");
  CHECK(root.title == "Port 18789 is held by docker-proxy (pid 1187)");
  CHECK(root.count == 3);
  REQUIRE(root.fixes.size() == 1);
  CHECK(root.fixes[0].text == "lsof -i :18789");
  bool holder_line = false;
  for (const Evidence& e : root.evidence) holder_line = holder_line || e.line == 20;
  CHECK(holder_line);
  // One port, one finding: the holder remark is merged under the conflict it backs.
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis* loop = find_rule(root.explains, "systemd-restart-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->count == 3);
  CHECK(fact(*loop, "unit") == "openclaw-gateway.service");
  CHECK(find_rule(root.explains, "port-holder-foreign") != nullptr);
}

namespace {

std::string summary_of(const std::vector<Diagnosis>& diagnoses) {
  std::string out;
  for (const Diagnosis& d : diagnoses) {
    out += fmt::format("{} {} {} {} [", d.rank, d.fingerprint, d.count, d.title);
    for (const auto& e : d.evidence) out += fmt::format("{} ", e.line);
    out += "] {" + summary_of(d.explains) + "}\n";
  }
  return out;
}

}  // namespace

TEST_CASE("finish() may be called again as events arrive (--follow) and equals one pass",
          "[analyzer][follow]") {
  const RuleLoadResult pack = RuleLoader().load({LOGDX_RULES_DIR});
  REQUIRE(pack.ok());
  const std::vector<Event> events = events_of("cases/01-port-conflict-systemd-docker-proxy/input.log");
  REQUIRE(events.size() > 20);

  Analyzer once(*pack.rules);
  for (const Event& e : events) once.add(e, 0);
  const std::string expected = summary_of(once.finish().diagnoses);

  Analyzer growing(*pack.rules);
  std::size_t fed = 0;
  for (const std::size_t until : {events.size() / 3, 2 * events.size() / 3, events.size()}) {
    for (; fed < until; ++fed) growing.add(events[fed], 0);
    const AnalysisResult partial = growing.finish();
    if (until < events.size()) CHECK(summary_of(partial.diagnoses) != expected);
  }
  CHECK(summary_of(growing.finish().diagnoses) == expected);
  CHECK(summary_of(growing.finish().diagnoses) == expected);  // and again: nothing consumed
}
