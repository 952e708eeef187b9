// absent: A (the rule's match) never answered by a `missing` hit, in A's group ("started, never
// said listening"). An answer counts when it comes at or after A and no later than
// max(A + within, the group's next A): a start that is answered after the window but before
// anyone started again is a slow start that finished, not a fault; an answer after a restart
// belongs to that restart. A fires only when A's input goes on past A + within on A's clock:
// a log that ends sooner (a start still under way, a paste cut short) proves nothing. Untimed
// events never fire, since no window can be checked on them.
#include <algorithm>
#include <chrono>
#include <limits>
#include <unordered_map>

#include "analysis/correlation.hpp"

namespace logdx::analysis {
namespace {

using Times = std::vector<std::int64_t>;

// Hit times per group, ascending (hits come in time order); false when the cap was hit.
bool times_by_group(const CorrelationInput& in, const std::vector<std::uint32_t>& hit_indexes,
                    std::unordered_map<std::string, Times>& out) {
  bool complete = true;
  for (std::uint32_t index : hit_indexes) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    std::string key = group_key(in.rule.correlate->group_by, hit, event);
    auto found = out.find(key);
    if (found == out.end()) {
      if (out.size() >= in.max_groups) {
        complete = false;
        continue;
      }
      found = out.emplace(std::move(key), Times{}).first;
    }
    found->second.push_back(event.effective.nanos);
  }
  return complete;
}

}  // namespace

CorrelationResult correlate_absent(const CorrelationInput& in) {
  const CompiledCorrelate& spec = *in.rule.correlate;
  const std::int64_t within = std::chrono::nanoseconds(spec.within).count();
  CorrelationResult out;
  std::unordered_map<std::string, Times> answers;
  std::unordered_map<std::string, Times> starts;
  out.capped = !times_by_group(in, in.rule_hits.missing, answers);
  out.capped = !times_by_group(in, in.rule_hits.match, starts) || out.capped;
  for (std::uint32_t index : in.rule_hits.match) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    const std::int64_t start = event.effective.nanos;
    const std::string key = group_key(spec.group_by, hit, event);
    const auto group_starts = starts.find(key);
    if (group_starts == starts.end()) continue;  // a group over the cap
    const Times& later = group_starts->second;
    const auto next_start = std::upper_bound(later.begin(), later.end(), start);
    const std::int64_t deadline = next_start == later.end()
                                      ? std::numeric_limits<std::int64_t>::max()
                                      : std::max(start + within, *next_start);
    const auto group_answers = answers.find(key);
    if (group_answers != answers.end()) {
      const Times& times = group_answers->second;
      const auto answer = std::lower_bound(times.begin(), times.end(), start);
      if (answer != times.end() && *answer <= deadline) continue;
    }
    const auto reach = in.timeline.reach(event.input_index, event.clock);
    if (reach && *reach > start + within) out.findings.push_back(Finding{{index}});
  }
  return out;
}

}  // namespace logdx::analysis
