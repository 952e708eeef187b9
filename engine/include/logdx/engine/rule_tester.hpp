#pragma once
// Runs the `tests:` embedded in rules (lnav's "every sample is checked" model), each line two
// ways:
// - raw: the line becomes a synthetic Event (message = raw = the line, source = the rule's
//   first source, or `other`) and is matched against the rule's compiled `match`;
// - parsed: the line is read alone as `analyze` reads a paste (the caller's TestLineReader:
//   detection, envelope peeling, paste cleaning, joining), and the rule's `match` is tried on
//   each event that makes. `analyze` never sees a line's raw text as its message, so a rule
//   that only fires on the envelope passes the raw way and never fires in a real log.
// A `match` test must match both ways and give each listed capture with exactly the listed
// value on the raw way; the parsed way must not give a listed capture another value (one it
// lacks is allowed: a test of several lines may become several events). Captures a test does
// not list are not checked. A `no_match` line must match neither way. Correlation (`count`, `sequence`, `absent`) and joins are not
// exercised either way: both ways test the one event `match` looks at.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/rule_diagnostic.hpp"

namespace logdx {

struct RuleTestResult {
  std::string rule;
  SourcePosition at;  // the test line in the rule file
  bool expect_match = true;
  bool passed = false;
  std::string detail;  // why it failed; "" when it passed
};

struct RuleTestReport {
  std::vector<RuleTestResult> results;
  std::vector<RuleDiagnostic> diagnostics;  // one rule-test-failed per failed test
  bool ok() const { return diagnostics.empty(); }
};

// The events the reading phase makes of one test line read alone. The engine does not read
// input (data flows parsers -> events -> engine): whoever wires the parsers passes this in,
// as `logdx rules test` does with the registry `analyze` would use.
using TestLineReader = std::function<std::vector<Event>(std::string_view line)>;

// Without a reader only the raw way runs (a caller with no parsers at hand).
RuleTestReport run_rule_tests(const RuleSet& rules, const TestLineReader& read_line = {});
RuleTestReport run_rule_tests(const CompiledRule& rule, const TestLineReader& read_line = {});

}  // namespace logdx
