// sequence: the steps in order, each within `within` of the chain's first step, in one group.
// Per group and per stage the engine keeps only the newest partial chain (a newer first step
// leaves the most room in the window), as EQL sequences do; a chain never uses one event for
// two steps. A completed chain is one finding, its hits the evidence.
// When the input ends inside the window of a chain that has every step but the last, and at
// least two, the end of the input is not proof that the last step never came: the chain is a
// cut finding (lower confidence, a note) unless the rule says `on_cut: ignore`. A first step
// alone is never reported: it is usually an ordinary line ("Started ...", "listening on ..."),
// so a two-step sequence never fires on a cut window (a decisive single line needs a plain
// rule of its own).
#include <fmt/format.h>

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

// A chain with every step but the last whose window the end of its input cut short, as a
// cut finding; nullopt when the input went on past the window (the chain simply expired).
std::optional<Finding> cut_chain(const CorrelationInput& in, const Chain& chain,
                                 std::int64_t within, std::size_t steps) {
  const MatchedEvent& first = in.events[in.hits[chain.hits.front()].event];
  const auto reach = in.timeline.reach(first.input_index, first.clock);
  const bool untimed = first.clock.kind == Clock::Kind::untimed;
  if (!untimed && reach && *reach > chain.start + within) return std::nullopt;
  std::string note =
      untimed ? fmt::format(
                    "{} has no times here, so the {} window of this sequence cannot be measured; "
                    "its last step (step {} of {}) is not in the log after line {}",
                    first.input(), span_words(within), steps, steps, first.line)
              : fmt::format(
                    "the log ends {} after line {} of {}, before the {} window closes; the last "
                    "step (step {} of {}) is not in the log, so the sequence is incomplete",
                    span_words(reach ? *reach - chain.start : 0), first.line, first.input(),
                    span_words(within), steps, steps);
  return Finding{chain.hits, std::move(note)};
}

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
      out.findings.push_back(Finding{std::move(advanced->hits), {}});
    } else {
      stages[step] = std::move(advanced);
    }
  }
  if (!spec.report_cut || last < 2) return out;
  for (const auto& [key, group] : groups) {
    if (const auto& chain = group.stages[last - 1]) {
      if (auto cut = cut_chain(in, *chain, within, spec.steps.size())) {
        out.findings.push_back(std::move(*cut));
      }
    }
  }
  return out;
}

}  // namespace logdx::analysis
