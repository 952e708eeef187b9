#include "analysis/last_words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <set>
#include <tuple>
#include <unordered_set>

#include "analysis/decisive_line.hpp"

namespace logdx::analysis {
namespace {

// A restart loop, or one failed exit at warning or worse (a clean stop's remark has nothing to
// explain): a rule tagged `failed-exit` (its cause says what the exit was, a crash), or one of
// cause `app_exit`.
bool reports_exits(const CompiledRule& rule) {
  if (rule.cause.starts_with("restart_loop_")) return true;
  if (rule.severity < Severity::warning) return false;
  return rule.cause == "app_exit" ||
         std::find(rule.tags.begin(), rule.tags.end(), "failed-exit") != rule.tags.end();
}

// Names compare without case, a ".service" suffix or docker's leading "/": the manager
// names a unit "openclaw.service" or a container "/gw" where the app's own lines say
// "openclaw" or "gw".
std::string subject_name(std::string_view name) {
  if (name.starts_with('/')) name.remove_prefix(1);
  if (name.ends_with(".service")) name.remove_suffix(8);
  std::string out(name);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Whom a loop is about: its captured app/unit/container/label/pid and its lines' app/unit
// (not their process or pid: those are the manager's, systemd[1] or PM2).
struct Subject {
  std::set<std::string> names;
  std::set<std::int64_t> pids;
  std::set<std::size_t> inputs;
};

Subject subject_of(const Draft& loop, const KeptEvents& events, const KeptHits& hits) {
  Subject out;
  for (const auto& [name, value] : loop.captures) {
    if (value.empty()) continue;
    if (name == "app" || name == "unit" || name == "container" || name == "label") {
      out.names.insert(subject_name(value));
    } else if (name == "pid" || name == "main_pid") {
      try {
        out.pids.insert(std::stoll(value));
      } catch (const std::exception&) {  // a capture that is not a number names no pid
      }
    }
  }
  for (std::uint32_t hit : loop.hits) {
    const MatchedEvent& event = events[hits[hit].event];
    out.inputs.insert(event.input_index);
    if (!event.app().empty()) out.names.insert(subject_name(event.app()));
    if (!event.unit().empty()) out.names.insert(subject_name(event.unit()));
  }
  return out;
}

enum class Fit : std::uint8_t { none, unnamed_process, unnamed, named };

// How well a context line belongs to the loop's subject: it names the subject (or its pid);
// it names nobody (a pasted line without envelope); or it names only a process (`node[812]:`
// in a short journal, where the unit is not written), which counts only when nothing better
// is there.
Fit fit_of(const MatchedEvent& event, const Subject& subject) {
  if (!subject.inputs.contains(event.input_index)) return Fit::none;
  for (const std::string* name : {&event.app(), &event.unit(), &event.process()}) {
    if (!name->empty() && subject.names.contains(subject_name(*name))) return Fit::named;
  }
  if (event.pid && subject.pids.contains(*event.pid)) return Fit::named;
  if (!event.app().empty() || !event.unit().empty()) return Fit::none;
  return event.process().empty() && !event.pid ? Fit::unnamed : Fit::unnamed_process;
}

using Place = std::tuple<std::size_t, std::uint64_t>;  // input, line

Place place_of(const MatchedEvent& event) { return {event.input_index, event.line}; }

std::vector<std::uint32_t> words_of(const Draft& loop, const std::vector<std::uint32_t>& context,
                                    const KeptEvents& events, const KeptHits& hits,
                                    std::size_t limit) {
  const Subject subject = subject_of(loop, events, hits);
  std::set<Place> loop_places;
  std::unordered_set<std::uint32_t> loop_events;
  for (std::uint32_t hit : loop.hits) {
    loop_places.insert(place_of(events[hits[hit].event]));
    loop_events.insert(hits[hit].event);
  }
  // Per fit, per loop line: the context line closest before it (its last word there).
  std::map<Fit, std::map<Place, std::uint32_t>> last_before;
  for (std::uint32_t hit : context) {
    const std::uint32_t index = hits[hit].event;
    const MatchedEvent& event = events[index];
    if (loop_events.contains(index)) continue;
    const Fit fit = fit_of(event, subject);
    if (fit == Fit::none) continue;
    const auto next = loop_places.upper_bound(place_of(event));
    if (next == loop_places.end() || std::get<0>(*next) != event.input_index) continue;
    auto [slot, added] = last_before[fit].emplace(*next, index);
    if (!added && events[slot->second].line < event.line) slot->second = index;
  }
  // Lines that name the subject or nobody; process-only lines when there are none.
  std::vector<std::pair<Place, std::uint32_t>> candidates;
  for (const Fit fit : {Fit::named, Fit::unnamed}) {
    for (const auto& entry : last_before[fit]) candidates.emplace_back(entry);
  }
  if (candidates.empty()) {
    for (const auto& entry : last_before[Fit::unnamed_process]) candidates.emplace_back(entry);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });  // newest first
  std::vector<std::uint32_t> out;
  std::unordered_set<std::uint64_t> messages;
  for (const auto& [place, index] : candidates) {
    if (out.size() >= limit) break;
    if (std::find(out.begin(), out.end(), index) != out.end()) continue;
    if (messages.insert(events[index].message_hash).second) out.push_back(index);
  }
  std::sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    return place_of(events[a]) < place_of(events[b]);
  });
  return out;
}

}  // namespace

LastWordsByLoop find_last_words(const std::vector<CompiledRule>& rules,
                                const std::vector<std::vector<Draft>>& drafts,
                                const std::vector<std::uint32_t>& context_hits,
                                const KeptEvents& events, const KeptHits& hits, std::size_t limit) {
  LastWordsByLoop out;
  if (context_hits.empty()) return out;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!reports_exits(rules[r])) continue;
    for (const Draft& draft : drafts[r]) {
      auto words = words_of(draft, context_hits, events, hits, limit);
      if (!words.empty()) out.emplace(draft.fingerprint, std::move(words));
    }
  }
  return out;
}

void attach_last_words(std::vector<Diagnosis>& roots, const LastWordsByLoop& words,
                       const KeptEvents& events) {
  for (Diagnosis& d : roots) {
    const auto found = words.find(d.fingerprint);
    if (found == words.end()) continue;
    std::vector<std::string> where;
    for (std::uint32_t index : found->second) {
      const MatchedEvent& event = events[index];
      std::string raw = event.raw();
      const std::size_t message_at = message_start(event, raw, 0);
      d.evidence.push_back(Evidence{event.input(), event.line, event.time(), event.time_text(),
                                    std::move(raw), 0, message_at, event.host()});
      where.push_back(fmt::format("{}:{}", event.input(), event.line));
    }
    // A possibly related finding may name the cause, unproven (no time or subject links the
    // two): the note must not claim that nothing does.
    const std::string_view known = d.related.empty()
                                       ? "no rule names the cause of these exits"
                                       : "no finding is linked to these exits (a possibly "
                                         "related one is named below)";
    d.notes.push_back(fmt::format(
        "{}; the app's last words before its exits are shown as evidence ({}): read them for "
        "the reason it stops",
        known, fmt::join(where, ", ")));
  }
}

}  // namespace logdx::analysis
