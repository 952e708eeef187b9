#pragma once
// {{macro}} and {{list:NAME}} in patterns. A macro becomes `(?:fragment)` (so `a|b` in a macro
// cannot swallow the rest of the pattern), a list becomes `(?:v1|v2|...)` of RE2::QuoteMeta'd
// values, so "a.b" in a list matches only "a.b". Macros may use macros and lists, up to
// kMaxMacroDepth levels (a deeper chain is a macro that uses itself).

#include <optional>
#include <string>
#include <vector>

#include "logdx/engine/rule_collector.hpp"

namespace logdx::rules {

inline constexpr int kMaxMacroDepth = 8;

std::optional<std::string> expand_pattern(const LocatedString& pattern,
                                          const RuleCollection& collection,
                                          std::vector<RuleDiagnostic>& out);

// The position of `needle` inside a located single-line scalar, when the source line shows it
// at the expected place (a plain or quoted scalar without escapes before it); else `text.at`.
SourcePosition position_in(const LocatedString& text, std::size_t offset, std::string_view needle);

}  // namespace logdx::rules
