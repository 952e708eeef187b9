#include "analysis/key_events.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

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
  bool in_finding = true;  // false: a lone start or exit that no finding rests on
};

void claim(std::vector<std::optional<Claim>>& claims, std::uint32_t event, std::uint32_t rule,
           Severity severity, bool in_finding = true) {
  std::optional<Claim>& current = claims[event];
  if (!current || severity > current->severity ||
      (severity == current->severity && rule < current->rule)) {
    current = Claim{rule, severity, in_finding};
  }
}

// Where each event sits on the timeline. A line stamped to the second that its input wrote
// after a finer stamp within that second (18:41:13 after 18:41:13.650) was written later,
// whatever its truncated time says: it is placed at the finer time so file order holds.
// Other lines keep their own time.
std::vector<std::int64_t> placed_times(const KeptEvents& events,
                                       std::vector<std::uint32_t> in_file_order) {
  std::sort(in_file_order.begin(), in_file_order.end(),
            [&events](std::uint32_t a, std::uint32_t b) {
              return std::tie(events[a].input_index, events[a].line, events[a].arrival) <
                     std::tie(events[b].input_index, events[b].line, events[b].arrival);
            });
  std::vector<std::int64_t> placed(events.size(), 0);
  const MatchedEvent* previous = nullptr;
  std::int64_t previous_placed = 0;
  for (std::uint32_t e : in_file_order) {
    const MatchedEvent& event = events[e];
    const std::int64_t own = event.effective.nanos;
    const bool same_clock = previous != nullptr && previous->input_index == event.input_index &&
                            previous->clock == event.clock;
    const bool within_own_precision =
        same_clock && previous_placed > own &&
        previous_placed - own < precision_span(event.effective.precision);
    placed[e] = within_own_precision ? previous_placed : own;
    previous = &event;
    previous_placed = placed[e];
  }
  return placed;
}

}  // namespace

std::vector<TimelineEntry> key_events(const RuleSet& rules,
                                      const std::vector<std::vector<Draft>>& drafts,
                                      const KeptEvents& events, const KeptHits& hits) {
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
    if (!claims[hit.event]) claim(claims, hit.event, hit.rule, Severity::info, false);
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t e = 0; e < events.size(); ++e) {
    if (claims[e]) order.push_back(e);
  }
  const std::vector<std::int64_t> placed = placed_times(events, order);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const MatchedEvent& x = events[a];
    const MatchedEvent& y = events[b];
    return std::tie(x.clock, placed[a], x.input_index, x.line, x.arrival) <
           std::tie(y.clock, placed[b], y.input_index, y.line, y.arrival);
  });
  std::vector<TimelineEntry> timeline;
  timeline.reserve(order.size());
  for (std::uint32_t e : order) {
    const MatchedEvent& event = events[e];
    const CompiledRule& rule = compiled[claims[e]->rule];
    TimelineEntry& entry = timeline.emplace_back();
    entry.time = event.effective;
    entry.time_text = event.effective_text();
    entry.input = event.input();
    entry.line = event.line;
    entry.rule = rule.id;
    // A lone start or exit is part of the story, not a finding: it names no cause (the
    // rule's cause would call a normal start a restart loop).
    entry.in_finding = claims[e]->in_finding;
    if (entry.in_finding) entry.cause = rule.cause;
    entry.severity = claims[e]->severity;
    std::string raw = event.raw();
    const std::string_view message = event.message_in(raw);
    entry.message = message.empty() ? std::move(raw) : std::string(message);
  }
  return timeline;
}

}  // namespace logdx::analysis
