// absent: A (the rule's match) and no `missing` hit within `within` after it, in A's group.
// It fires only when A's input goes on past A + within on A's clock: a log that ends sooner
// (a slow start still under way, a paste cut short) proves nothing. Untimed events never
// fire, since no window can be checked on them.
#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "analysis/correlation.hpp"

namespace logdx::analysis {

CorrelationResult correlate_absent(const CorrelationInput& in) {
  const CompiledCorrelate& spec = *in.rule.correlate;
  const std::int64_t within = std::chrono::nanoseconds(spec.within).count();
  CorrelationResult out;
  // The answers' times per group, ascending (the hits come in time order).
  std::unordered_map<std::string, std::vector<std::int64_t>> answers;
  for (std::uint32_t index : in.rule_hits.missing) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    std::string key = group_key(spec.group_by, hit, event);
    auto found = answers.find(key);
    if (found == answers.end()) {
      if (answers.size() >= in.max_groups) {
        out.capped = true;
        continue;
      }
      found = answers.emplace(std::move(key), std::vector<std::int64_t>{}).first;
    }
    found->second.push_back(event.effective.nanos);
  }
  for (std::uint32_t index : in.rule_hits.match) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    const std::int64_t start = event.effective.nanos;
    const auto found = answers.find(group_key(spec.group_by, hit, event));
    if (found != answers.end()) {
      const auto next = std::lower_bound(found->second.begin(), found->second.end(), start);
      if (next != found->second.end() && *next - start <= within) continue;
    }
    const auto reach = in.timeline.reach(event.input_index, event.clock);
    if (reach && *reach > start + within) out.findings.push_back(Finding{{index}});
  }
  return out;
}

}  // namespace logdx::analysis
