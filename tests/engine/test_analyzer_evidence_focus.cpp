// Evidence of a multi-line record points at the line the rule matched (the `Killed process`
// line of a kernel OOM report, the `FATAL ERROR` line of a V8 abort), and says where that
// line's message starts, so a printer short of room keeps the message, not the envelope.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kOomRule = R"(logdx_rules: 1
rules:
  - id: oom-killed-gateway
    cause: oom_kernel
    severity: critical
    match:
      all:
        - any:
            - regex: 'Killed process (?P<killed_pid>\d+) \(node\)'
            - regex: 'oom-kill:[^\n]*,task=node,pid=(?P<killed_pid>\d+)'
        - regex: 'invoked oom-killer'
)";

const char* const kHeapRule = R"(logdx_rules: 1
rules:
  - id: heap
    cause: node_heap_oom
    severity: critical
    match: {regex: '(?:^|\n)FATAL ERROR: [^\n]*heap out of memory'}
)";

const std::string kOomReport =
    "chrome invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0\n"
    "[  31877]  1000 31877  2973613   380862  3108864        0             0 node\n"
    "Out of memory: Killed process 31877 (node) total-vm:11894452kB, anon-rss:1523448kB\n"
    "oom_reaper: reaped process 31877 (node), now anon-rss:0kB";

}  // namespace

TEST_CASE("an OOM report is shown by its Killed process line, not its first", "[evidence]") {
  const RuleSet rules = rules_from(kOomRule);
  const AnalysisResult result = analyze(rules, {{"2026-03-05T08:23:05Z", kOomReport}});
  REQUIRE(result.diagnoses.size() == 1);
  REQUIRE(result.diagnoses[0].evidence.size() == 1);
  const Evidence& e = result.diagnoses[0].evidence[0];
  CHECK(e.focus_line == 2);
  // The raw text keeps the whole record; the focus names one line of it.
  CHECK(e.text.starts_with("2026-03-05T08:23:05Z chrome invoked oom-killer"));
  CHECK(e.text.find("oom_reaper") != std::string::npos);
  CHECK(e.message_at == 0);  // continuation lines of this record carry no envelope
}

TEST_CASE("the first pattern that holds decides, in the rule's order", "[evidence]") {
  // No Killed process line (an older kernel's report): the oom-kill line decides.
  const RuleSet rules = rules_from(kOomRule);
  const std::string report =
      "node invoked oom-killer: gfp_mask=0x140cca, order=0\n"
      "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=node,pid=4242,uid=1000";
  const AnalysisResult result = analyze(rules, {{"2026-03-05T08:23:05Z", report}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].evidence[0].focus_line == 1);
}

TEST_CASE("a pattern anchored at a newline points at the line after it", "[evidence]") {
  const RuleSet rules = rules_from(kHeapRule);
  const std::string abort =
      "[41212:0x2d5a1000]  5513104 ms: Mark-Compact (reduce) 510.9 (524.0) -> 510.2 (522.0) MB\n"
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
      " 1: 0x931db0  [openclaw]";
  const AnalysisResult result = analyze(rules, {{"", abort}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].evidence[0].focus_line == 1);
}

TEST_CASE("a one-line record: the line itself, its message after the envelope", "[evidence]") {
  const RuleSet rules = rules_from(kHeapRule);
  const AnalysisResult result = analyze(
      rules,
      {{"2026-03-05T08:23:05Z",
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"}});
  REQUIRE(result.diagnoses.size() == 1);
  const Evidence& e = result.diagnoses[0].evidence[0];
  CHECK(e.focus_line == 0);
  // make_event writes "TIME MESSAGE": the message starts after the stamp and its space.
  CHECK(e.message_at == std::string("2026-03-05T08:23:05Z ").size());
}
