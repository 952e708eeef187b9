// Generalises "one port, one port conflict": the subject of a port conflict is its port, of
// any other finding the app, unit or container it names. Two findings are one only when
// nothing in their lines says otherwise: another host, another subject, times further apart
// than a cause and its symptom may be, or a fact both state with different values.
#include "analysis/same_subject.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>

#include "analysis/linking.hpp"
#include "analysis/port_findings.hpp"
#include "analysis/volatile_fold.hpp"

namespace logdx::analysis {
namespace {

constexpr std::string_view kPortConflict = "port_conflict";
// Lines of a merged finding shown in the winner's evidence: its first and its last, as a join
// partner's lines are bounded (EvidenceLimits::partner); the rest are counted as omitted.
constexpr std::size_t kMergedLines = 2;

template <typename List, typename Value>
bool holds(const List& list, const Value& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool two_hosts(const LinkProfile& a, const LinkProfile& b) {
  return !a.hosts.empty() && !b.hosts.empty() &&
         std::none_of(a.hosts.begin(), a.hosts.end(),
                      [&](const std::string& h) { return holds(b.hosts, h); });
}

bool names_among(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return std::all_of(part.begin(), part.end(), [&](const std::string& name) {
    return std::any_of(whole.begin(), whole.end(),
                       [&](const std::string& w) { return same_subject_name(name, w); });
  });
}

// One subject: the same port for a port conflict; else names of which one side's are all the
// other's (a line's own app beside the captured one: `PM2` and `bot` against `bot`), so that
// two apps that share a manager's name are still two subjects.
bool same_subject(std::string_view cause, const LinkProfile& a, const LinkProfile& b) {
  // A finding that names nothing (a bare `EADDRINUSE` in a sentence, an error told without
  // its app) says nothing against being the named finding of its cause retold: one subject.
  if (a.has_subject() != b.has_subject()) return true;
  if (cause == kPortConflict) {
    return std::any_of(a.ports.begin(), a.ports.end(),
                       [&](const std::string& p) { return holds(b.ports, p); });
  }
  if (a.names.empty() || b.names.empty()) return false;
  return names_among(a.names, b.names) || names_among(b.names, a.names);
}

// Apart in time: both spans on one clock, one ending more than kLinkWindow before the other
// starts. An untimed side (a `pm2 describe` table) cannot be apart.
bool apart_in_time(const LinkProfile& a, const LinkProfile& b) {
  if (!a.span || !b.span || !(a.span->clock == b.span->clock)) return false;
  const std::int64_t window = std::chrono::nanoseconds(kLinkWindow).count();
  return a.span->last + window < b.span->first || b.span->last + window < a.span->first;
}

// A fact both state with different values (volatile ones aside): two missing config keys,
// two different errors, are two findings about one subject.
bool facts_disagree(const Diagnosis& a, const Diagnosis& b) {
  for (const auto& fact : a.facts) {
    if (is_volatile_capture(fact.first) || fact.second.empty()) continue;
    for (const auto& other : b.facts) {
      if (other.first == fact.first && !other.second.empty() &&
          normalise_subject_name(other.second) != normalise_subject_name(fact.second)) {
        return true;
      }
    }
  }
  return false;
}

bool one_finding(const std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& links,
                 std::size_t a, std::size_t b) {
  const Diagnosis& da = built[a].diagnosis;
  const Diagnosis& db = built[b].diagnosis;
  return da.cause == db.cause && !two_hosts(links[a], links[b]) &&
         same_subject(da.cause, links[a], links[b]) && !apart_in_time(links[a], links[b]) &&
         (da.cause == kPortConflict || !facts_disagree(da, db));
}

// The finding `loser` is one with (the strongest that wins over it), or -1.
int stronger_finding_of(const std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& links,
                const std::vector<bool>& gone, std::size_t loser) {
  int best = -1;
  for (std::size_t w = 0; w < built.size(); ++w) {
    if (w == loser || gone[w] || !one_finding(built, links, w, loser)) continue;
    // A finding that names nothing is the one merged, never the one kept: the named one
    // holds what the title and the fixes are filled with.
    if (!links[w].has_subject() && links[loser].has_subject()) continue;
    if (!port_finding_wins_over(built, links, w, loser)) continue;
    if (best < 0 || port_finding_wins_over(built, links, w, static_cast<std::size_t>(best))) {
      best = static_cast<int>(w);
    }
  }
  return best;
}

bool same_evidence_line(const Evidence& a, const Evidence& b) {
  return a.input == b.input && a.line == b.line;
}

// The winner shows the first and the last of the loser's shown lines it does not show yet.
void take_evidence(Diagnosis& winner, const Diagnosis& loser) {
  const std::size_t n = loser.evidence.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Evidence& e = loser.evidence[i];
    const bool pick = i == 0 || (i == n - 1 && kMergedLines > 1);
    const bool known = std::any_of(winner.evidence.begin(), winner.evidence.end(),
                                   [&](const Evidence& w) { return same_evidence_line(w, e); });
    if (known) continue;
    if (pick) {
      winner.evidence.push_back(e);
    } else {
      ++winner.evidence_omitted;
    }
  }
  winner.evidence_omitted += loser.evidence_omitted;
}

void widen_span(BuiltDiagnosis& winner, const BuiltDiagnosis& loser) {
  Diagnosis& w = winner.diagnosis;
  const Diagnosis& l = loser.diagnosis;
  if (!l.first_seen.has_value()) return;
  if (!w.first_seen.has_value()) {
    w.first_seen = l.first_seen;
    w.first_seen_text = l.first_seen_text;
    w.last_seen = l.last_seen;
    w.last_seen_text = l.last_seen_text;
    winner.first_clock = loser.first_clock;
    return;
  }
  if (!(winner.first_clock == loser.first_clock)) return;
  if (l.first_seen.nanos < w.first_seen.nanos) {
    w.first_seen = l.first_seen;
    w.first_seen_text = l.first_seen_text;
  }
  if (l.last_seen.has_value() && l.last_seen.nanos > w.last_seen.nanos) {
    w.last_seen = l.last_seen;
    w.last_seen_text = l.last_seen_text;
  }
}

template <typename T>
void add_missing(std::vector<T>& into, const std::vector<T>& from) {
  for (const T& value : from) {
    if (!holds(into, value)) into.push_back(value);
  }
}

// The merged finding is about, and spans, what both were: folding then links it as a whole.
void absorb_profile(LinkProfile& into, const LinkProfile& from) {
  add_missing(into.hosts, from.hosts);
  add_missing(into.names, from.names);
  add_missing(into.processes, from.processes);
  add_missing(into.pids, from.pids);
  add_missing(into.ports, from.ports);
  into.gateway = into.gateway || from.gateway;
  if (!into.span) {
    into.span = from.span;
  } else if (from.span && from.span->clock == into.span->clock) {
    into.span->first = std::min(into.span->first, from.span->first);
    if (from.span->last > into.span->last) {
      into.span->last = from.span->last;
      into.span->last_precision = from.span->last_precision;
    }
  }
  into.exits.killed = into.exits.killed || from.exits.killed;
  into.exits.other = into.exits.other || from.exits.other;
  for (const LineMoment& moment : from.moments) {
    if (!holds(into.events, moment.event)) into.moments.push_back(moment);
  }
  into.events.insert(into.events.end(), from.events.begin(), from.events.end());
  std::sort(into.events.begin(), into.events.end());
  into.events.erase(std::unique(into.events.begin(), into.events.end()), into.events.end());
  for (const auto& holder : from.holder) {
    if (std::none_of(into.holder.begin(), into.holder.end(),
                     [&](const auto& h) { return h.first == holder.first; })) {
      into.holder.push_back(holder);
    }
  }
}

void absorb(BuiltDiagnosis& winner, LinkProfile& winner_link, const BuiltDiagnosis& loser,
            const LinkProfile& loser_link) {
  take_holder_facts(winner.diagnosis, loser_link);
  take_evidence(winner.diagnosis, loser.diagnosis);
  widen_span(winner, loser);
  winner.diagnosis.count = std::max(winner.diagnosis.count, loser.diagnosis.count);
  winner.indirect += loser.direct + loser.indirect;
  absorb_profile(winner_link, loser_link);
}

std::string subject_of(std::string_view cause, const LinkProfile& link) {
  if (cause == kPortConflict && !link.ports.empty()) return "port " + link.ports.front();
  return link.names.empty() ? std::string("one subject") : link.names.front();
}

// "rule 'a'" or "rules 'a', 'b'": who a merge note names.
std::string rules_named(const std::vector<std::string>& rules) {
  std::vector<std::string> quoted;
  for (const std::string& rule : rules) quoted.push_back(fmt::format("'{}'", rule));
  return quoted.size() == 1 ? "rule " + quoted.front()
                            : fmt::format("rules {}", fmt::join(quoted, ", "));
}

std::string merge_note(const Diagnosis& winner, const LinkProfile& link,
                       const std::vector<std::string>& rules) {
  const std::string who = rules_named(rules);
  if (winner.cause == kPortConflict) {
    return fmt::format("{} found the same port conflict (same port and host); merged here", who);
  }
  return fmt::format("{} found the same {} about {} (same subject and host); merged here, "
                     "with a first and a last of {} lines in the evidence",
                     who, winner.cause, subject_of(winner.cause, link),
                     rules.size() == 1 ? "its" : "their");
}

// Each finding's subjects before any merge, for the comparisons above (hosts, names, ports,
// span, holder): everything but its lines (events, moments), which are set aside while it is
// copied. A loop holds thousands of them, and copying them doubled the largest part of the
// memory the report is built in (1.7 million allocations on a 300 MB log with 10 % failing
// lines).
std::vector<LinkProfile> subjects_of(std::vector<LinkProfile>& links) {
  std::vector<LinkProfile> out;
  out.reserve(links.size());
  for (LinkProfile& link : links) {
    std::vector<std::uint32_t> events = std::move(link.events);
    std::vector<LineMoment> moments = std::move(link.moments);
    link.events.clear();  // a moved-from vector is valid but unspecified: make it empty
    link.moments.clear();
    out.push_back(link);
    link.events = std::move(events);
    link.moments = std::move(moments);
  }
  return out;
}

// The note for findings merged in that named no subject of their own.
std::string unnamed_merge_note(const Diagnosis& winner, const std::vector<std::string>& rules) {
  const std::string who = rules_named(rules);
  return fmt::format("{} found a {} that names no subject (nothing in {} lines says it is "
                     "another one); merged here",
                     who, winner.cause, rules.size() == 1 ? "its" : "their");
}

}  // namespace

void merge_same_subject_findings(std::vector<BuiltDiagnosis>& built,
                                 std::vector<LinkProfile>& links) {
  std::vector<bool> gone(built.size(), false);
  std::vector<std::vector<std::string>> also(built.size());  // rule ids merged into each
  std::vector<std::vector<std::string>> unnamed(built.size());  // ... of findings naming nothing
  // From the weakest up, so a chain of three ends in its strongest one. The subjects compared
  // are each finding's own: a winner's absorbed subjects must not pull in a third one.
  const std::vector<LinkProfile> own = subjects_of(links);
  std::vector<std::size_t> order(built.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return port_finding_wins_over(built, own, b, a);
  });
  for (std::size_t loser : order) {
    const int winner = stronger_finding_of(built, own, gone, loser);
    if (winner < 0) continue;
    gone[loser] = true;
    const auto w = static_cast<std::size_t>(winner);
    absorb(built[w], links[w], built[loser], links[loser]);
    auto& into = own[loser].has_subject() ? also[w] : unnamed[w];
    if (!holds(into, built[loser].diagnosis.rule)) into.push_back(built[loser].diagnosis.rule);
    add_missing(also[w], also[loser]);
    add_missing(unnamed[w], unnamed[loser]);
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (gone[i]) continue;
    if (!unnamed[i].empty()) {
      built[i].diagnosis.notes.push_back(unnamed_merge_note(built[i].diagnosis, unnamed[i]));
    }
    if (!also[i].empty()) {
      built[i].diagnosis.notes.push_back(merge_note(built[i].diagnosis, own[i], also[i]));
    }
    if (out != i) {
      built[out] = std::move(built[i]);
      links[out] = std::move(links[i]);
    }
    ++out;
  }
  built.resize(out);
  links.resize(out);
}

}  // namespace logdx::analysis
