#pragma once
// Evaluating a compiled `match:` condition on one event (docs/rules.md "Matching"): `any` keeps
// the captures of the first child that holds, `all` those of every child, `not` none. Named
// groups that did not take part in a match are not captures.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"

namespace logdx {

using Captures = std::vector<std::pair<std::string, std::string>>;

// The text of an event field as rules name it: "" or "message", "raw", "host", "unit", "app",
// "process", "subsystem", "fields.KEY"; nullopt for an absent structured field.
std::optional<std::string_view> event_field(const Event& event, std::string_view field);

// On success `captures` holds what the condition captured (added to what it held before).
bool evaluate_condition(const CompiledCondition& condition, const Event& event, Captures& captures);

// The rule's `sources` and its `match`.
bool rule_matches(const CompiledRule& rule, const Event& event, Captures& captures);

}  // namespace logdx
