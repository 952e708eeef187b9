#include "analysis/diagnosis_builder.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analysis/decisive_line.hpp"
#include "analysis/host_tally.hpp"
#include "analysis/placeholder.hpp"
#include "analysis/template_render.hpp"

namespace logdx::analysis {
namespace {

Evidence evidence_of(const MatchedEvent& event) {
  std::string raw = event.raw();
  const std::size_t message_at = message_start(event, raw, 0);
  return Evidence{event.input(),  event.line, event.time(), event.time_text(),
                  std::move(raw), 0,          message_at,   event.host()};
}

// The diagnosis' own lines point at the line of their record the rule matched.
Evidence own_evidence_of(const MatchedEvent& event, const CompiledRule& rule) {
  Evidence e = evidence_of(event);
  e.focus_line = decisive_line(rule, event, e.text);
  e.message_at = message_start(event, e.text, e.focus_line);
  return e;
}

// The distinct events behind hits. Hits are in time order and one event's hits sit side by
// side (the analyzer sorts them so), so comparing with the last one is enough.
std::vector<std::uint32_t> distinct_events(const std::vector<std::uint32_t>& hit_indexes,
                                           const KeptHits& hits) {
  std::vector<std::uint32_t> out;
  out.reserve(hit_indexes.size());
  for (std::uint32_t hit : hit_indexes) {
    if (out.empty() || out.back() != hits[hit].event) out.push_back(hits[hit].event);
  }
  return out;
}

// Which of a diagnosis's `n` events become evidence: `head` from the start and `tail` from
// the end, preferring one event per distinct message (a loop still shows its first and last
// rounds; the same line in the console and in the JSON file log shows once, in its shortest,
// most readable envelope), then filling up in time order when messages repeat. The first and
// last events are always among them.
std::vector<bool> pick_evidence(const std::vector<std::uint32_t>& own, const KeptEvents& events,
                                const EvidenceLimits& limits) {
  const std::size_t n = own.size();
  std::vector<bool> picked(n, n <= limits.head + limits.tail);
  if (n <= limits.head + limits.tail) return picked;
  std::unordered_map<std::uint64_t, std::size_t> shortest;  // message -> its shortest event
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, added] = shortest.emplace(events[own[i]].message_hash, i);
    if (!added && events[own[i]].raw_size() < events[own[it->second]].raw_size()) it->second = i;
  }
  auto take = [&](std::size_t i, bool distinct_only) {
    if (picked[i]) return false;
    if (distinct_only && shortest[events[own[i]].message_hash] != i) return false;
    picked[i] = true;
    return true;
  };
  // The first and the last event are always shown: they are first_seen and last_seen.
  std::size_t from_head = limits.head > 0 && take(0, false) ? 1 : 0;
  std::size_t from_tail = limits.tail > 0 && take(n - 1, false) ? 1 : 0;
  for (const bool distinct_only : {true, false}) {
    for (std::size_t i = 0; i < n && from_head < limits.head; ++i) {
      if (take(i, distinct_only)) ++from_head;
    }
  }
  for (const bool distinct_only : {true, false}) {
    for (std::size_t i = n; i-- > 0 && from_tail < limits.tail;) {
      if (take(i, distinct_only)) ++from_tail;
    }
  }
  return picked;
}

void collapse(Diagnosis& d, const CompiledRule& rule, const std::vector<std::uint32_t>& own,
              const std::vector<std::uint32_t>& partner, const KeptEvents& events,
              const EvidenceLimits& limits) {
  const std::vector<bool> picked = pick_evidence(own, events, limits);
  for (std::size_t i = 0; i < own.size(); ++i) {
    if (picked[i]) {
      d.evidence.push_back(own_evidence_of(events[own[i]], rule));
    } else {
      ++d.evidence_omitted;
    }
  }
  for (std::size_t i = 0; i < partner.size(); ++i) {
    if (std::find(own.begin(), own.end(), partner[i]) != own.end()) continue;
    if (i < limits.partner) {
      d.evidence.push_back(evidence_of(events[partner[i]]));
    } else {
      ++d.evidence_omitted;
    }
  }
}

}  // namespace

double clamp_confidence(double value) {
  if (!(value > 0.0)) return 0.0;  // also NaN
  if (value > 1.0) return 1.0;
  return std::round(value * 100.0) / 100.0;
}

namespace {

// A declared fact that is one placeholder alone (`holder_user: "{holder_user}"`) whose value the
// case does not have: left out, as an undeclared capture without a value is, rather than shown
// as the literal `{holder_user}`. A fact with other text around its placeholders is kept.
bool lone_placeholder_without_value(std::string_view text, const PlaceholderLookup& lookup) {
  const std::optional<Placeholder> p = placeholder_at(text, 0);
  if (!p || p->length != text.size()) return false;
  const std::optional<std::string> value = filtered_value(*p, lookup(p->name));
  return !value || value->empty();
}

// Facts, then the title and fixes (text, file and why), which may name facts, captures and the join
// partner's captures (in that order of precedence).
void render_texts(const Draft& draft, const CompiledRule& rule, Diagnosis& d) {
  auto captured = [&](std::string_view name) -> std::optional<std::string> {
    if (const std::string* value = find_capture(draft.captures, name)) return *value;
    if (const std::string* value = find_capture(draft.partner_captures, name)) return *value;
    return std::nullopt;
  };
  if (rule.facts.empty()) {
    for (const std::string& name : rule.capture_names) {
      const std::string* value = find_capture(draft.captures, name);
      if (value && !value->empty()) d.facts.emplace_back(name, *value);
    }
  } else {
    for (const auto& [name, text] : rule.facts) {
      if (lone_placeholder_without_value(text, captured)) continue;
      d.facts.emplace_back(name, render_text(text, captured));
    }
  }
  auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    for (const auto& [fact, value] : d.facts) {
      if (fact == name) return value;
    }
    return captured(name);
  };
  // A fix's `when` / `unless` (docs/rules.md): a capture that took no part counts as none.
  auto has_value = [&](std::string_view name) {
    const auto value = lookup(name);
    return value.has_value() && !value->empty();
  };
  d.title = render_text(rule.title.empty() ? rule.id : rule.title, lookup);
  for (const CompiledFix& fix : rule.fixes) {
    if (!fix.when.empty() && !has_value(fix.when)) continue;
    if (!fix.unless.empty() && has_value(fix.unless)) continue;
    RenderedFix rendered;
    rendered.kind = fix.kind;
    rendered.text = render_fix_text(fix.kind, fix.text, lookup);
    rendered.file = render_text(fix.file, lookup);
    rendered.why = render_text(fix.why, lookup);
    d.fixes.push_back(std::move(rendered));
  }
}

// Lines past the rule's cap (not kept) that carry this finding's key: a later one moves
// last_seen, on the same clock only (a monotonic stamp says nothing of a wall time).
void add_lines_past_cap(const LatestTime& past_cap_last, Diagnosis& d) {
  if (!past_cap_last.time.has_value()) return;
  if (d.last_seen.has_value() && (!same_clock(d.last_seen.kind, past_cap_last.time.kind) ||
                                  past_cap_last.time.nanos <= d.last_seen.nanos)) {
    return;
  }
  d.last_seen = past_cap_last.time;
  d.last_seen_text = past_cap_last.text;
}

}  // namespace

BuiltDiagnosis build_diagnosis(const Draft& draft, const CompiledRule& rule,
                               const KeptEvents& events, const KeptHits& hits,
                               const EvidenceLimits& limits) {
  BuiltDiagnosis out;
  out.rule = &rule;
  Diagnosis& d = out.diagnosis;
  d.cause = rule.cause;
  d.rule = rule.id;
  d.severity = rule.severity;
  d.confidence = clamp_confidence(draft.confidence);
  d.count = draft.count;
  d.fingerprint = draft.fingerprint;
  d.host = draft.host_key;
  d.notes = draft.notes;
  render_texts(draft, rule, d);

  const std::vector<std::uint32_t> own = distinct_events(draft.hits, hits);
  const std::vector<std::uint32_t> partner = distinct_events(draft.partner_hits, hits);
  for (std::size_t i = 0; d.host.empty() && i < own.size(); ++i)
    d.host = host_key(events[own[i]].host());
  if (!own.empty()) {
    // The span comes from the events that have a time: an untimed line (a tail section of
    // `pm2 logs` without stamps) sorts on its own clock and must not blank first/last seen.
    auto timed = [&](std::uint32_t i) { return events[i].effective.has_value(); };
    const auto first_timed = std::find_if(own.begin(), own.end(), timed);
    const auto last_timed = std::find_if(own.rbegin(), own.rend(), timed);
    const MatchedEvent& first = events[first_timed != own.end() ? *first_timed : own.front()];
    const MatchedEvent& last = events[last_timed != own.rend() ? *last_timed : own.back()];
    d.first_seen = first.effective;
    d.first_seen_text = first.effective_text();
    d.last_seen = last.effective;
    d.last_seen_text = last.effective_text();
    out.first_clock = first.clock;
  }
  add_lines_past_cap(draft.past_cap_last, d);
  collapse(d, rule, own, partner, events, limits);
  out.direct = own.size();
  out.indirect = partner.size();
  return out;
}

}  // namespace logdx::analysis
