// threshold: `count` matches within `within`, per group. Every match that is part of some
// window holding at least `count` is a finding (so the diagnosis counts the burst's events,
// e.g. the restarts of a loop); matches outside every such window are not.
#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "analysis/correlation.hpp"

namespace logdx::analysis {

CorrelationResult correlate_threshold(const CorrelationInput& in) {
  const CompiledCorrelate& spec = *in.rule.correlate;
  const std::int64_t within = std::chrono::nanoseconds(spec.within).count();
  const auto needed = static_cast<std::size_t>(spec.count > 0 ? spec.count : 1);
  CorrelationResult out;
  std::unordered_map<std::string, std::vector<std::uint32_t>> groups;
  for (std::uint32_t hit : in.rule_hits.match) {
    const MatchedEvent& event = in.events[in.hits[hit].event];
    std::string key = group_key(spec.group_by, in.hits[hit], event);
    auto found = groups.find(key);
    if (found == groups.end()) {
      if (groups.size() >= in.max_groups) {
        out.capped = true;
        continue;
      }
      found = groups.emplace(std::move(key), std::vector<std::uint32_t>{}).first;
    }
    found->second.push_back(hit);
  }
  auto time_of = [&](std::uint32_t hit) { return in.events[in.hits[hit].event].effective.nanos; };
  for (const auto& [key, members] : groups) {
    std::size_t start = 0;
    std::size_t next_unmarked = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
      while (time_of(members[i]) - time_of(members[start]) > within) ++start;
      if (i + 1 - start < needed) continue;
      for (std::size_t k = std::max(start, next_unmarked); k <= i; ++k) {
        out.findings.push_back(Finding{{members[k]}, {}});
      }
      next_unmarked = i + 1;
    }
  }
  return out;
}

}  // namespace logdx::analysis
