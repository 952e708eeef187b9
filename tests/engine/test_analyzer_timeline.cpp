// The merged timeline (`analyze --timeline`): the lines diagnoses rest on plus lone restarts,
// one entry per line, in time order across inputs.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kRules = R"(logdx_rules: 1
rules:
  - id: gateway-port-in-use
    cause: port_conflict
    severity: critical
    match: {regex: 'listen EADDRINUSE: address already in use [0-9.]+:(?P<port>\d+)'}
    explains: [restart_loop_systemd]
  - id: systemd-restart-loop
    cause: restart_loop_systemd
    severity: error
    tags: [restart-loop, systemd]
    match: {regex: 'Scheduled restart job, restart counter is at (?P<n>\d+)'}
    correlate:
      threshold: {count: 3, within: 5m}
  - id: port-mentioned
    cause: port_holder
    severity: info
    match: {regex: 'EADDRINUSE'}
)";

}  // namespace

TEST_CASE("the timeline merges inputs in time order, one entry per line", "[timeline]") {
  const RuleSet rules = rules_from(kRules);
  const AnalysisResult result = analyze(
      rules,
      {
          {"2026-03-05T08:20:35Z", "Scheduled restart job, restart counter is at 1", 1},
          {"2026-03-05T08:20:25Z", "listen EADDRINUSE: address already in use 0.0.0.0:18789"},
          {"2026-03-05T08:21:00Z", "all quiet"},
          {"2026-03-05T08:20:10Z", "loading configuration"},
      });
  REQUIRE(result.timeline.size() == 2);
  CHECK(result.timeline[0].line == 2);
  CHECK(result.timeline[0].input == "input-0.log");
  // The EADDRINUSE line proves two diagnoses; it is shown once, under the worse one.
  CHECK(result.timeline[0].rule == "gateway-port-in-use");
  CHECK(result.timeline[0].severity == Severity::critical);
  CHECK(result.timeline[0].message == "listen EADDRINUSE: address already in use 0.0.0.0:18789");
  CHECK(format_timestamp(result.timeline[0].time) == "2026-03-05T08:20:25Z");
  // One restart is no loop (no diagnosis), but a restart-loop rule matched it: it is kept as
  // an info entry so the story shows the restart.
  CHECK(result.timeline[1].rule == "systemd-restart-loop");
  CHECK(result.timeline[1].severity == Severity::info);
  CHECK(result.timeline[1].input == "input-1.log");
  // ... but it is no loop: it names no cause, so it is not labelled restart_loop_systemd.
  CHECK_FALSE(result.timeline[1].in_finding);
  CHECK(result.timeline[1].cause.empty());
  CHECK(result.timeline[0].in_finding);
}

TEST_CASE("a line stamped to the second stays after a finer stamp its input wrote before it",
          "[timeline]") {
  const RuleSet rules = rules_from(kRules);
  const std::string refused = "listen EADDRINUSE: address already in use 0.0.0.0:18789";
  const AnalysisResult result =
      analyze(rules, {
                         {"2026-03-05T18:41:12.900Z", refused},     // line 1
                         {"2026-03-05T18:41:13.650Z", refused},     // line 2
                         {"2026-03-05T18:41:13Z", refused},         // line 3: written after line 2
                         {"2026-03-05T18:41:13.400Z", refused, 1},  // another input, in between
                         {"2026-03-05T18:41:14Z", refused},  // line 5: its own second, its own time
                     });
  REQUIRE(result.timeline.size() == 5);
  std::vector<std::pair<std::string, std::uint64_t>> order;
  for (const auto& e : result.timeline) order.emplace_back(e.input, e.line);
  const std::vector<std::pair<std::string, std::uint64_t>> expected = {{"input-0.log", 1},
                                                                       {"input-1.log", 4},
                                                                       {"input-0.log", 2},
                                                                       {"input-0.log", 3},
                                                                       {"input-0.log", 5}};
  CHECK(order == expected);
  // The shown time is still the one the line wrote.
  CHECK(format_timestamp(result.timeline[3].time) == "2026-03-05T18:41:13Z");
}

TEST_CASE("a coarse line before a finer one of the same second keeps file order too",
          "[timeline]") {
  const RuleSet rules = rules_from(kRules);
  const std::string refused = "listen EADDRINUSE: address already in use 0.0.0.0:18789";
  const AnalysisResult result =
      analyze(rules, {{"2026-03-05T18:41:13Z", refused}, {"2026-03-05T18:41:13.650Z", refused}});
  REQUIRE(result.timeline.size() == 2);
  CHECK(result.timeline[0].line == 1);
  CHECK(result.timeline[1].line == 2);
}

TEST_CASE("an untimed line on the timeline carries its input's last time", "[timeline]") {
  const RuleSet rules = rules_from(kRules);
  const AnalysisResult result =
      analyze(rules, {
                         {"2026-03-05T08:20:25Z", "starting"},
                         {"", "listen EADDRINUSE: address already in use 0.0.0.0:18789"},
                     });
  REQUIRE(result.timeline.size() == 1);
  CHECK(result.timeline[0].line == 2);
  CHECK(format_timestamp(result.timeline[0].time) == "2026-03-05T08:20:25Z");
}

TEST_CASE("nothing found: the timeline is empty", "[timeline]") {
  const RuleSet rules = rules_from(kRules);
  const AnalysisResult result = analyze(rules, {{"2026-03-05T08:20:25Z", "ready"}});
  CHECK(result.timeline.empty());
}
