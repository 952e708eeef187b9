#pragma once
// Shared helpers of the rule loader tests: load inline YAML, find diagnostics by code.

#include <string>
#include <vector>

#include "logdx/engine/rule_loader.hpp"

namespace logdx::testing {

inline RuleLoadResult load_rules(const std::string& text, const std::string& name = "t.yaml") {
  return RuleLoader().load_texts({{name, text}});
}

inline RuleLoadResult load_rules(const std::vector<RuleText>& texts) {
  return RuleLoader().load_texts(texts);
}

// The diagnostics of one code.
inline std::vector<RuleDiagnostic> with_code(const std::vector<RuleDiagnostic>& all,
                                             RuleProblem code) {
  std::vector<RuleDiagnostic> out;
  for (const auto& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

// Every diagnostic rendered, for Catch's INFO on failure.
inline std::string render_all(const std::vector<RuleDiagnostic>& all) {
  std::string out;
  for (const auto& d : all) out += d.render_text() + "\n";
  return out;
}

}  // namespace logdx::testing
