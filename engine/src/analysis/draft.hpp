#pragma once
// A diagnosis before rendering: one rule's findings gathered per fingerprint, with the hits
// that prove it, its merged captures and its confidence; joins attach their partner here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/correlation.hpp"
#include "logdx/parsers/timestamp.hpp"

namespace logdx::analysis {

// Whether two stamps' times compare: utc and local stamps are one wall clock (as the
// analyzer's Clock::absolute takes them); a monotonic stamp counts from boot.
inline bool same_clock(TimeKind a, TimeKind b) {
  const auto wall = [](TimeKind k) { return k == TimeKind::utc || k == TimeKind::local; };
  return a == b || (wall(a) && wall(b));
}

// The latest own time among some lines (those of a finding past max_hits_per_rule, which were
// counted into its `count` but not kept; PastCapTally).
struct LatestTime {
  Timestamp time;    // none when no line had one
  std::string text;  // that time as written

  // A later time wins; a line without a time, or on another clock than the one held
  // (same_clock), does not move it.
  void take(const Timestamp& other, const std::string& other_text);
  void take(const LatestTime& other) { take(other.time, other.text); }
};

struct Draft {
  std::uint32_t rule = 0;
  std::string fingerprint;
  std::string host_key;             // its lines' host key in a run over many hosts, else empty
  std::vector<std::uint32_t> hits;  // direct evidence, time order, one per event
  Captures captures;                // merged over the hits in time order: first value wins
  std::uint64_t count = 0;          // findings (events, chains, unanswered starts)
  LatestTime past_cap_last;         // of its lines past the rule's cap (in `count` too)
  double confidence = 0.0;
  std::vector<std::uint32_t> partner_hits;  // join: the other rule's matching hits
  Captures partner_captures;                // join: merged from partner_hits
  // What the log could not confirm: set when every finding was cut by the end of its input
  // (the draft then has the rule's cut confidence), from the latest such finding.
  std::vector<std::string> notes;
};

// Adds the captures of `from` whose names `into` lacks (first value wins).
void merge_captures(Captures& into, const Captures& from);

struct DraftResult {
  std::vector<Draft> drafts;
  bool capped = false;  // more fingerprints than max_groups; the rest were not kept
};

// Gathers one rule's findings into drafts, one per fingerprint (rule id + key captures, and
// the host key of the finding's first line in a run over many hosts), in
// the order their first finding came. Findings must be given in time order.
DraftResult build_drafts(std::uint32_t rule_index, const CompiledRule& rule,
                         const std::vector<Finding>& findings, const KeptHits& hits,
                         const KeptEvents& events, std::size_t max_groups);

}  // namespace logdx::analysis
