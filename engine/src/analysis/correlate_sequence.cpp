// sequence: the steps in order, each within `within` of the chain's first step, in one group.
// Per group and per stage the engine keeps only the newest partial chain (a newer first step
// leaves the most room in the window), as EQL sequences do; a chain never uses one event for
// two steps. A completed chain is one finding, its hits the evidence.
#include <chrono>
#include <optional>
#include <unordered_map>

#include "analysis/correlation.hpp"

namespace logdx::analysis {
namespace {

struct Chain {
  std::vector<std::uint32_t> hits;
  std::int64_t start = 0;
};

struct GroupState {
  std::vector<std::optional<Chain>> stages;  // stages[s]: a chain whose last step is s
};

}  // namespace

CorrelationResult correlate_sequence(const CorrelationInput& in) {
  const CompiledCorrelate& spec = *in.rule.correlate;
  const std::int64_t within = std::chrono::nanoseconds(spec.within).count();
  const std::size_t last = spec.steps.empty() ? 0 : spec.steps.size() - 1;
  CorrelationResult out;
  std::unordered_map<std::string, GroupState> groups;
  for (std::uint32_t index : in.rule_hits.steps) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    std::string key = group_key(spec.group_by, hit, event);
    auto found = groups.find(key);
    if (found == groups.end()) {
      if (groups.size() >= in.max_groups) {
        out.capped = true;
        continue;
      }
      found = groups.emplace(std::move(key), GroupState{}).first;
      found->second.stages.resize(spec.steps.size());
    }
    auto& stages = found->second.stages;
    const auto step = static_cast<std::size_t>(hit.step);
    const std::int64_t now = event.effective.nanos;
    std::optional<Chain> advanced;
    if (step == 0) {
      advanced = Chain{{index}, now};
    } else if (auto& before = stages[step - 1]) {
      const bool same_event = in.hits[before->hits.back()].event == hit.event;
      if (now - before->start > within) {
        before.reset();  // too late for this chain; it can only get later
      } else if (!same_event) {
        advanced = std::move(*before);
        before.reset();
        advanced->hits.push_back(index);
      }
    }
    if (!advanced) continue;
    if (step == last) {
      out.findings.push_back(Finding{std::move(advanced->hits)});
    } else {
      stages[step] = std::move(advanced);
    }
  }
  return out;
}

}  // namespace logdx::analysis
