#include "analysis/key_events.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace logdx::analysis {
namespace {

constexpr const char* kRestartTag = "restart-loop";

bool has_tag(const CompiledRule& rule, const char* tag) {
  return std::find(rule.tags.begin(), rule.tags.end(), tag) != rule.tags.end();
}

// Which rule an event is shown under: the worst severity wins, ties go to the rule defined
// first (the order the pack reads), so one line never appears twice.
struct Claim {
  std::uint32_t rule = 0;
  Severity severity = Severity::info;
};

void claim(std::vector<std::optional<Claim>>& claims, std::uint32_t event, std::uint32_t rule,
           Severity severity) {
  std::optional<Claim>& current = claims[event];
  if (!current || severity > current->severity ||
      (severity == current->severity && rule < current->rule)) {
    current = Claim{rule, severity};
  }
}

}  // namespace

std::vector<TimelineEntry> key_events(const RuleSet& rules,
                                      const std::vector<std::vector<Draft>>& drafts,
                                      const std::vector<MatchedEvent>& events,
                                      const std::vector<Hit>& hits) {
  const std::vector<CompiledRule>& compiled = rules.rules();
  std::vector<std::optional<Claim>> claims(events.size());
  for (std::uint32_t r = 0; r < drafts.size(); ++r) {
    for (const Draft& draft : drafts[r]) {
      for (std::uint32_t h : draft.hits) claim(claims, hits[h].event, r, compiled[r].severity);
      for (std::uint32_t h : draft.partner_hits) {
        const std::uint32_t partner = hits[h].rule;
        claim(claims, hits[h].event, partner, compiled[partner].severity);
      }
    }
  }
  // A lone restart or exit is no loop and no diagnosis, but it is part of the story.
  for (const Hit& hit : hits) {
    if (hit.role == Hit::Role::missing || !has_tag(compiled[hit.rule], kRestartTag)) continue;
    if (!claims[hit.event]) claim(claims, hit.event, hit.rule, Severity::info);
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t e = 0; e < events.size(); ++e) {
    if (claims[e]) order.push_back(e);
  }
  std::stable_sort(order.begin(), order.end(), [&events](std::uint32_t a, std::uint32_t b) {
    return event_before(events[a], events[b]);
  });
  std::vector<TimelineEntry> timeline;
  timeline.reserve(order.size());
  for (std::uint32_t e : order) {
    const MatchedEvent& event = events[e];
    const CompiledRule& rule = compiled[claims[e]->rule];
    TimelineEntry& entry = timeline.emplace_back();
    entry.time = event.effective;
    entry.time_text = event.effective_text;
    entry.input = event.input;
    entry.line = event.line;
    entry.rule = rule.id;
    entry.cause = rule.cause;
    entry.severity = claims[e]->severity;
    entry.message = event.message.empty() ? event.raw : event.message;
  }
  return timeline;
}

}  // namespace logdx::analysis
