#pragma once
// Runs the `tests:` embedded in rules (lnav's "every sample is checked" model): each test line
// becomes a synthetic Event (message = raw = the line, source = the rule's first source, or
// `other`) and is matched against the rule's compiled `match`. A `match` test must match and
// give each listed capture with exactly the listed value (captures it does not list are not
// checked); a `no_match` line must not match. Correlation is not exercised.

#include <string>
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

RuleTestReport run_rule_tests(const RuleSet& rules);
RuleTestReport run_rule_tests(const CompiledRule& rule);

}  // namespace logdx
