#pragma once
// optional-placeholder (a lint warning): a title or fix that names a capture the rule's match
// does not always make. The group sits in an optional part or in one branch of an
// alternation, so on some matches the name stays unfilled and the reader sees `{name}`
// literally. Conservative: what it cannot prove always captured (a group inside any `|` or
// under a quantifier that allows zero) it reports, and a placeholder with `|or:` or a fix with
// `when:` that name is never reported.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"

namespace logdx::rules {

// The named groups of an RE2 pattern (as expanded) that every match of it sets.
std::set<std::string, std::less<>> always_captured_groups(std::string_view pattern);

// Reports {name}s of the title and fixes that the match may leave unset. Rules that correlate
// or join (their captures come from several lines) are not looked at.
void check_placeholder_coverage(const RuleDef& def, const CompiledRule& rule,
                                std::vector<RuleDiagnostic>& out);

}  // namespace logdx::rules
