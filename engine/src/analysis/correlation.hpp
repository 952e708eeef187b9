#pragma once
// The correlation kinds of docs/rules.md over one rule's hits, in time order. Each turns hits
// into findings: the hits that make one occurrence of the rule (one event for a plain rule or
// a threshold burst member, a whole chain for a sequence, the unanswered A for absent). Join
// works on diagnoses instead (join.hpp).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/matched_event.hpp"
#include "analysis/timeline.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

struct Finding {
  std::vector<std::uint32_t> hits;  // indexes into the hits, in time order
  // Set when the end of the input cut the rule's window short (sequence / absent): what the
  // log could not confirm. Empty for a finding whose window the input covered.
  std::string cut_note;
};

// One rule's hits, each list in time order.
struct RuleHits {
  std::vector<std::uint32_t> match;
  std::vector<std::uint32_t> steps;  // every step's hits, merged
  std::vector<std::uint32_t> missing;
};

struct CorrelationInput {
  const CompiledRule& rule;
  const RuleHits& rule_hits;
  const KeptEvents& events;
  const KeptHits& hits;
  const Timeline& timeline;
  std::size_t max_groups;  // correlation state cap per rule
};

struct CorrelationResult {
  std::vector<Finding> findings;
  bool capped = false;  // some group was not tracked (max_groups reached)
};

// The group a hit belongs to: its clock, its host (in a run over many hosts) and the group_by
// values (a capture of that name, else the event member, see value_of), joined by a separator no
// log text holds.
std::string group_key(const std::vector<std::string>& group_by, const Hit& hit,
                      const MatchedEvent& event);

// A span for people: "500 ms", "2 s", "1.5 s", "3 min", "2 h".
std::string span_words(std::int64_t nanos);

// No correlate (and join, which correlates later): every match is a finding.
CorrelationResult correlate_each(const CorrelationInput& in);
CorrelationResult correlate_threshold(const CorrelationInput& in);
CorrelationResult correlate_sequence(const CorrelationInput& in);
CorrelationResult correlate_absent(const CorrelationInput& in);

// Dispatches on the rule's correlate kind.
CorrelationResult correlate(const CorrelationInput& in);

}  // namespace logdx::analysis
