#pragma once
// Compiling one collected rule (conditions, correlate, captures, default facts); the whole-set
// work (checks across rules, the RE2::Set scans) is RuleCompiler::compile's.

#include <optional>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/rule_collector.hpp"

namespace logdx::rules {

// nullopt after reporting into `out`.
std::optional<CompiledRule> compile_rule(const CollectedRule& collected,
                                         const RuleCollection& collection,
                                         const RE2::Options& options,
                                         std::vector<RuleDiagnostic>& out);

}  // namespace logdx::rules
