#pragma once
// Which of a rule's patterns the prefilter scans for. The compiler guarantees (rule_checks'
// needs_scan_hit) that each condition the Matcher evaluates (match, every sequence step,
// absent's `missing`) can only hold when one of its scanned patterns hits; for `all` one
// child suffices, so the most selective child's patterns stand for it, and the broad helpers
// (`{{gateway_word}}`, a `name | ` prefix on raw) that sit beside a specific pattern in an
// `all` are not scanned at all. A rule is then a candidate when a trigger hits: every rule
// with a condition that holds is one, which is all the Matcher needs for identical results.

#include <cstddef>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"

namespace logdx::prefilter {

// Indexes into rule.patterns, sorted and unique.
std::vector<std::size_t> trigger_patterns(const CompiledRule& rule);

// A rough selectivity score: the longest run of literal characters the pattern must contain.
int literal_run(std::string_view pattern);

}  // namespace logdx::prefilter
