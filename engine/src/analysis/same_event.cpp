// Which finding wins: the worse severity, then the higher confidence, then the rule defined
// first (the order ranking would give two findings proved by the same lines, so the id a user
// sees is the one the report would have ranked first).
#include "analysis/same_event.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <tuple>

namespace logdx::analysis {
namespace {

bool ranks_before(const std::vector<BuiltDiagnosis>& built, std::size_t a, std::size_t b) {
  const Diagnosis& da = built[a].diagnosis;
  const Diagnosis& db = built[b].diagnosis;
  if (da.severity != db.severity) return da.severity > db.severity;
  if (da.confidence != db.confidence) return da.confidence > db.confidence;
  return a < b;  // built is in rule order
}

// Whether every line of `part` is a line of `whole` (both sorted event indexes).
bool lines_within(const LinkProfile& part, const LinkProfile& whole) {
  return !part.events.empty() && std::includes(whole.events.begin(), whole.events.end(),
                                               part.events.begin(), part.events.end());
}

// The finding `loser` is merged into, or -1.
int merged_into(const std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles,
                const std::vector<bool>& gone, std::size_t loser) {
  int best = -1;
  for (std::size_t w = 0; w < built.size(); ++w) {
    if (w == loser || gone[w] || built[w].diagnosis.cause != built[loser].diagnosis.cause) {
      continue;
    }
    if (built[w].rule == built[loser].rule) continue;  // one rule's drafts differ by key
    if (!ranks_before(built, w, loser) || !lines_within(profiles[loser], profiles[w])) continue;
    if (best < 0 || ranks_before(built, w, static_cast<std::size_t>(best))) {
      best = static_cast<int>(w);
    }
  }
  return best;
}

// One failure is printed as several lines at once: systemd's `X.service: Main process exited,
// code=exited, status=1/FAILURE` and `X.service: Failed with result 'exit-code'.` come in the
// same second, and a loop rule that counts the exits holds only the first. Two lines are one
// occurrence when they are on one host and within a second on one clock, or, when either has
// no time, at most two lines apart in one input.
constexpr std::int64_t kOccurrenceNanos = 1'000'000'000;
constexpr std::uint64_t kOccurrenceLines = 2;

// A finding's lines sorted for the question "is there one of the same occurrence as this
// line?": a loop may hold thousands of lines, so each look is a binary search.
class OccurrenceIndex {
 public:
  explicit OccurrenceIndex(const std::vector<LineMoment>& moments) {
    for (const LineMoment& m : moments) {
      if (m.nanos) {
        timed_.push_back({m.host, m.clock, *m.nanos});
      } else {
        untimed_lines_.push_back({m.host, m.input, m.line});
      }
      all_lines_.push_back({m.host, m.input, m.line});
    }
    std::sort(timed_.begin(), timed_.end());
    std::sort(untimed_lines_.begin(), untimed_lines_.end());
    std::sort(all_lines_.begin(), all_lines_.end());
  }

  // A line on the same host within a second on one clock, or, when either line has no time,
  // at most kOccurrenceLines lines away in one input.
  bool holds(const LineMoment& m) const {
    if (m.nanos) {
      return any_in(timed_, TimedKey{m.host, m.clock, *m.nanos - kOccurrenceNanos},
                    TimedKey{m.host, m.clock, *m.nanos + kOccurrenceNanos}) ||
             near_line(untimed_lines_, m);
    }
    return near_line(all_lines_, m);
  }

 private:
  using TimedKey = std::tuple<std::string, Clock, std::int64_t>;
  using LineKey = std::tuple<std::string, std::uint32_t, std::uint64_t>;

  template <typename Key>
  static bool any_in(const std::vector<Key>& sorted, const Key& low, const Key& high) {
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), low);
    return it != sorted.end() && !(high < *it);
  }

  static bool near_line(const std::vector<LineKey>& sorted, const LineMoment& m) {
    const std::uint64_t low = m.line > kOccurrenceLines ? m.line - kOccurrenceLines : 0;
    return any_in(sorted, LineKey{m.host, m.input, low},
                  LineKey{m.host, m.input, m.line + kOccurrenceLines});
  }

  std::vector<TimedKey> timed_;
  std::vector<LineKey> untimed_lines_;
  std::vector<LineKey> all_lines_;
};

bool share_a_name(const LinkProfile& a, const LinkProfile& b) {
  return std::any_of(a.names.begin(), a.names.end(), [&](const std::string& x) {
    return std::any_of(b.names.begin(), b.names.end(),
                       [&](const std::string& y) { return same_subject_name(x, y); });
  });
}

// Whether `whole` holds every occurrence `part` shows: each of part's lines is one of whole's,
// or (both about one named subject) printed with one of whole's lines as one occurrence.
bool occurrences_within(const LinkProfile& part, const LinkProfile& whole) {
  if (part.moments.empty()) return false;
  const auto own_line = [&](const LineMoment& m) {
    return std::binary_search(whole.events.begin(), whole.events.end(), m.event);
  };
  if (!share_a_name(part, whole)) {
    return std::all_of(part.moments.begin(), part.moments.end(), own_line);
  }
  const OccurrenceIndex index(whole.moments);
  return std::all_of(part.moments.begin(), part.moments.end(),
                     [&](const LineMoment& m) { return own_line(m) || index.holds(m); });
}

// Whether a rule that `loser`'s rule names in `subsumed_by` has a finding holding all of its
// occurrences: that finding says the same with more evidence, so `loser` goes without a note.
bool subsumed(const std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles,
              const std::vector<bool>& gone, std::size_t loser) {
  const std::vector<std::string>& by = built[loser].rule->subsumed_by;
  if (by.empty()) return false;
  for (std::size_t w = 0; w < built.size(); ++w) {
    if (w == loser || gone[w]) continue;
    if (std::find(by.begin(), by.end(), built[w].rule->id) == by.end()) continue;
    if (occurrences_within(profiles[loser], profiles[w])) return true;
  }
  return false;
}

}  // namespace

void merge_same_event_findings(std::vector<BuiltDiagnosis>& built,
                               std::vector<LinkProfile>& profiles) {
  std::vector<std::size_t> order(built.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Losers are decided from the lowest-ranked up, so a chain of three ends in its best one.
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return ranks_before(built, b, a); });
  std::vector<bool> gone(built.size(), false);
  std::vector<std::vector<std::string>> also(built.size());  // rule ids merged into each
  // Subsumption first, whatever the two rank: a weaker form that ranks above its stronger
  // rule (a critical catch-all beside the specific rule that names the fix) would otherwise
  // take the stronger one in below as an "also matched" note, and then have no finding left to
  // be subsumed by.
  for (std::size_t loser : order) {
    if (subsumed(built, profiles, gone, loser)) gone[loser] = true;
  }
  for (std::size_t loser : order) {
    if (gone[loser]) continue;
    const int winner = merged_into(built, profiles, gone, loser);
    if (winner < 0) continue;
    gone[loser] = true;
    auto& into = also[static_cast<std::size_t>(winner)];
    into.push_back(built[loser].diagnosis.rule);
    into.insert(into.end(), also[loser].begin(), also[loser].end());
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (gone[i]) continue;
    for (const std::string& rule : also[i]) {
      built[i].diagnosis.notes.push_back(
          fmt::format("also matched by rule '{}' on the same line(s)", rule));
    }
    if (out != i) {
      built[out] = std::move(built[i]);
      profiles[out] = std::move(profiles[i]);
    }
    ++out;
  }
  built.resize(out);
  profiles.resize(out);
}

}  // namespace logdx::analysis
