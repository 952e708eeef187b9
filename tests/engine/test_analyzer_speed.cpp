// Hidden (run with "[.speed]"): the analyzer's cost per event on a mostly non-matching stream,
// to see that add() stays near the cost of the one scan. Not a pass/fail timing test.
#include <chrono>

#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("analyzer throughput on a mostly quiet stream", "[.speed]") {
  std::string yaml = "logdx_rules: 1\nrules:\n";
  for (int i = 0; i < 40; ++i) {
    yaml += "  - {id: r" + std::to_string(i) + ", cause: c" + std::to_string(i) +
            ", match: {regex: 'fault-" + std::to_string(i) + " on port (?P<port>\\d+)'}}\n";
  }
  const RuleSet rules = rules_from(yaml);
  Event quiet = make_event({"2026-03-05T08:20:00Z", "[ws] connected client=abc conn=1 ok"});
  Event loud = make_event({"2026-03-05T08:20:00Z", "fault-7 on port 18789"});
  constexpr int kEvents = 1'000'000;
  Analyzer analyzer(rules);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kEvents; ++i) {
    quiet.time.nanos += 1'000'000;
    analyzer.add(i % 1000 == 0 ? loud : quiet, 0);
  }
  const AnalysisResult result = analyzer.finish();
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  WARN(kEvents << " events in " << elapsed.count() << " s");
  CHECK(result.events_matched == kEvents / 1000);
}
