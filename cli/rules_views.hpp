#pragma once
// What `logdx rules` prints: the rule table, one rule in full, diagnostics, and the JSON schema
// of the rule language. Split from rules_command.cpp, which only wires the subcommands.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_diagnostic.hpp"

namespace logdx::cli {

// `rules list`: one row per rule (disabled ones too), as a table or a JSON array.
void print_rule_table(const RuleCollection& rules);
void print_rule_list_json(const RuleCollection& rules);

// `rules show`: the rule's fields, patterns as written and expanded, fixes and tests.
// `collected` (after overrides) says where it was changed and whether it is enabled.
void print_rule(const CompiledRule& rule, const CollectedRule& collected);
void print_disabled_rule(const CollectedRule& collected);

// Diagnostics with their caret snippets, made safe for a terminal, one blank line apart.
void print_diagnostics(std::FILE* to, const std::vector<RuleDiagnostic>& diagnostics);

// "; did you mean 'x'?" for the rule id closest to `id`, or "".
std::string suggest_rule_id(std::string_view id, const RuleCollection& rules);

// `rules schema`: a JSON Schema (draft 2020-12) of the rule language of docs/rules.md.
std::string_view rule_schema_json();

}  // namespace logdx::cli
