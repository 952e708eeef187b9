// absent: A (the rule's match) never answered by a `missing` hit, in A's group ("started, never
// said listening"). An answer counts when it comes at or after A and no later than
// max(A + within, the group's next A): a start that is answered after the window but before
// anyone started again is a slow start that finished, not a fault; an answer after a restart
// belongs to that restart. A fires in full when A's input goes on past A + within on A's
// clock. When the input ends first (a paste of the one decisive line, a start that is the last
// thing in the log), the end of the input is not an answer: A fires as a cut finding (lower
// confidence, a note saying what the log could not show) unless the rule says
// `on_cut: ignore`, or an answer came shortly before A (within `within`; for untimed events,
// anywhere before it): a log that shows the answer just before and ends right after leaves it
// open (a start under way while a proxy is refused), so only an unanswered paste is reported.
// Untimed events keep their line order: an answer must come after A and before the group's next A,
// and the window, which cannot be measured, is always cut.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <limits>
#include <unordered_map>

#include "analysis/correlation.hpp"

namespace logdx::analysis {
namespace {

using Positions = std::vector<std::int64_t>;

// Where a hit sits on its group's clock: its time, or for an untimed clock its place in the
// hit order (hits are sorted by clock, time, input, line, so that is line order).
std::int64_t position(const MatchedEvent& event, std::uint32_t hit_index) {
  return event.clock.kind == Clock::Kind::untimed ? static_cast<std::int64_t>(hit_index)
                                                  : event.effective.nanos;
}

// Hit positions per group, ascending (hits come in time order); false when the cap was hit.
bool positions_by_group(const CorrelationInput& in, const std::vector<std::uint32_t>& hit_indexes,
                        std::unordered_map<std::string, Positions>& out) {
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
      found = out.emplace(std::move(key), Positions{}).first;
    }
    found->second.push_back(position(event, index));
  }
  return complete;
}

// What an unanswered A whose window the input's end cut short could not show.
std::string cut_note(const MatchedEvent& event, std::optional<std::int64_t> reach,
                     std::int64_t within) {
  if (event.clock.kind == Clock::Kind::untimed) {
    return fmt::format(
        "{} has no times here, so the {} this rule waits cannot be measured; nothing after line "
        "{} answered it, and whether it recovered later is not in the log",
        event.input(), span_words(within), event.line);
  }
  const std::int64_t gap = reach ? *reach - event.effective.nanos : 0;
  const std::string end = gap > 0 ? fmt::format("{} after", span_words(gap)) : "with";
  return fmt::format(
      "the log ends {} line {} of {}, before the {} window closes; no recovery seen, and "
      "whether it recovered later is not in the log",
      end, event.line, event.input(), span_words(within));
}

}  // namespace

CorrelationResult correlate_absent(const CorrelationInput& in) {
  const CompiledCorrelate& spec = *in.rule.correlate;
  const std::int64_t within = std::chrono::nanoseconds(spec.within).count();
  CorrelationResult out;
  std::unordered_map<std::string, Positions> answers;
  std::unordered_map<std::string, Positions> starts;
  out.capped = !positions_by_group(in, in.rule_hits.missing, answers);
  out.capped = !positions_by_group(in, in.rule_hits.match, starts) || out.capped;
  for (std::uint32_t index : in.rule_hits.match) {
    const Hit& hit = in.hits[index];
    const MatchedEvent& event = in.events[hit.event];
    const bool untimed = event.clock.kind == Clock::Kind::untimed;
    const std::int64_t start = position(event, index);
    const std::string key = group_key(spec.group_by, hit, event);
    const auto group_starts = starts.find(key);
    if (group_starts == starts.end()) continue;  // a group over the cap
    const Positions& later = group_starts->second;
    const auto next_start = std::upper_bound(later.begin(), later.end(), start);
    std::int64_t deadline = std::numeric_limits<std::int64_t>::max();
    if (next_start != later.end())
      deadline = untimed ? *next_start : std::max(start + within, *next_start);
    const auto group_answers = answers.find(key);
    bool answered_just_before = false;
    if (group_answers != answers.end()) {
      const Positions& times = group_answers->second;
      const auto answer = std::lower_bound(times.begin(), times.end(), start);
      if (answer != times.end() && *answer <= deadline) continue;
      answered_just_before =
          answer != times.begin() && (untimed || *std::prev(answer) >= start - within);
    }
    const auto reach = in.timeline.reach(event.input_index, event.clock);
    if (!untimed && reach && *reach > start + within) {
      out.findings.push_back(Finding{{index}, {}});
    } else if (spec.report_cut && !answered_just_before) {
      out.findings.push_back(Finding{{index}, cut_note(event, reach, within)});
    }
  }
  return out;
}

}  // namespace logdx::analysis
