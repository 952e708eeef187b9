#pragma once
// join: a rule's diagnosis stands with another rule's diagnosis when their captures agree
// (`on: {mine: its}`). With a partner, the partner's matching hits become indirect evidence
// and its captures fill placeholders; without one, a required join drops the diagnosis and
// an optional one lowers its confidence to `confidence_without` (default: half the rule's).
// The target may be a context rule (`report: false`), whose lines then stand as one partner;
// an empty `on` pairs any line of the target on the same host ("the input shows X").

#include <cstdint>
#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

// `drafts[r]` are rule r's drafts. Join targets are resolved before the rules that join them
// (a join on a join works); a cycle of joins finds no partner for the rule that closes it.
// Per rule: whether some reporting rule joins it (so a context rule's lines must be offered).
std::vector<bool> join_targets(const RuleSet& rules);

// The partner draft of a context rule that is a join target: its lines, never reported.
Draft context_partner(std::uint32_t rule_index, const std::vector<std::uint32_t>& match_hits);

void resolve_joins(const RuleSet& rules, std::vector<std::vector<Draft>>& drafts,
                   const KeptEvents& events, const KeptHits& hits);

}  // namespace logdx::analysis
