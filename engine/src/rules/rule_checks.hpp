#pragma once
// Whole-rule checks of the compiler that do not compile anything.

#include <map>
#include <string>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"

namespace logdx::rules {

// Every name a {placeholder} of the rule may use: its captures, its facts and, for a join, the
// joined rule's captures and facts.
using NameTable = std::map<std::string, std::vector<std::string>, std::less<>>;

// undefined-placeholder over title, facts and fixes[].command; `key` and join `on` names too.
void check_placeholders(const RuleDef& def, const CompiledRule& rule, const NameTable& names,
                        std::vector<RuleDiagnostic>& out);
// `explains` entries must be snake_case cause ids (bad-cause).
void check_explains(const RuleDef& def, std::vector<RuleDiagnostic>& out);
// True when the condition can only hold if a scanned (message/raw, positive) pattern hits.
bool needs_scan_hit(const CompiledCondition& condition, const CompiledRule& rule);
// catch-all-pattern and leading-dot-star warnings for one positive pattern.
void check_pattern_shape(const CompiledPattern& pattern, std::vector<RuleDiagnostic>& out);
// multibyte-in-class: a character of more than one byte inside a (not negated) class.
void check_class_bytes(const CompiledPattern& pattern, std::vector<RuleDiagnostic>& out);

}  // namespace logdx::rules
