// The analyzer behind the real parsers, on a corpus case: `cat syslog syslog.1` (case 11) puts
// yesterday's stop after today's refusals; the sequence must still see stop -> refused.
#include <filesystem>

#include "analyzer_test_support.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/input_set.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

AnalysisResult analyze_file(const RuleSet& rules, const std::string& relative) {
  const ParserRegistry registry = ParserRegistry::builtin();
  const std::filesystem::path path =
      std::filesystem::path(LOGDX_RULES_DIR) / ".." / "corpus" / relative;
  const ResolvedInputs resolved = resolve_inputs({path.string()});
  REQUIRE(resolved.inputs.size() == 1);
  ReaderOptions options;
  options.year = 2026;
  EventReader reader(registry, options);
  Analyzer analyzer(rules);
  std::vector<ReaderDiagnostic> diagnostics;
  reader.read(
      resolved.inputs[0], [&](Event&& event) { analyzer.add(event, 0); }, diagnostics);
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
