#pragma once
// The streaming half of the analyzer: each event is scanned once (RuleSet::candidates, one
// RE2::Set pass), only the candidate rules' conditions are evaluated (match, sequence steps,
// absent's `missing`), and an event is kept, compactly, only when one of them held.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/exit_signs.hpp"
#include "analysis/host_tally.hpp"
#include "analysis/line_occurrences.hpp"
#include "analysis/matched_event.hpp"
#include "analysis/past_cap_tally.hpp"
#include "analysis/timeline.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

class Matcher {
 public:
  Matcher(const RuleSet& rules, std::size_t max_hits_per_rule, std::size_t max_hits_per_join_value)
      : rules_(rules),
        max_hits_per_rule_(max_hits_per_rule),
        max_hits_per_join_value_(max_hits_per_join_value),
        kept_per_rule_(rules.rules().size(), 0),
        over_cap_per_rule_(rules.rules().size(), 0),
        past_cap_(rules.rules().size()),
        kept_per_join_value_(rules.rules().size()),
        over_join_cap_per_rule_(rules.rules().size(), 0) {}

  // `candidates`: rules to evaluate. Any list that holds every rule one of whose conditions
  // holds on `event` records the same hits (each condition needs a scanned pattern to hit,
  // rule_checks' needs_scan_hit): RuleSet::candidates(event), or the prefilter's shorter one.
  void add(const Event& event, std::size_t input_index, const std::vector<std::size_t>& candidates);

  // Appends what `part` (a Matcher over the inputs that follow this one's, in order) kept, as
  // if its events had come through add() here: arrival order continues, and the per-rule
  // cap is applied again across both, so the result is the one a single Matcher would give.
  void absorb(Matcher&& part);

  const KeptEvents& events() const { return events_; }
  KeptHits& hits() { return hits_; }
  const KeptHits& hits() const { return hits_; }
  const Timeline& timeline() const { return timeline_; }
  std::uint64_t events_seen() const { return seen_; }
  // Whether any event, matched or not, is about the gateway (its own log, or a unit/app named
  // like it): an OOM victim in an input without one may be what the input is about.
  bool names_gateway() const { return names_gateway_; }
  // The hosts every added event named (matched or not).
  const HostTally& host_tally() const { return hosts_; }
  // In a run over more than one host, gives each kept event its host key (MatchedEvent).
  void key_hosts();
  // Per rule: hits that were not kept because the rule reached max_hits_per_rule.
  const std::vector<std::uint64_t>& over_cap_per_rule() const { return over_cap_per_rule_; }
  // Of those, the lines a finding's count takes (PastCapTally::counts_lines), per key.
  const PastCapTally& past_cap() const { return past_cap_; }
  // Per rule with a required join: match hits not kept because their `on` values already had
  // max_hits_per_join_value lines.
  const std::vector<std::uint64_t>& over_join_cap_per_rule() const {
    return over_join_cap_per_rule_;
  }

 private:
  // Evaluates the candidate rule's conditions on `event`; appends a Hit per one that held.
  void match_rule(std::uint32_t rule_index, const Event& event, std::uint32_t event_index);
  void keep(const Event& event, std::size_t input_index);
  // The captures packed, sharing the copy of a recent hit that captured the same (the same
  // line hit by several rules, the same upstream or app failing again).
  PackedCaptures share_captures(const Captures& captures);
  // The event's unit, app, host and process, sharing a recent kept event's when the same.
  std::shared_ptr<const Origin> share_origin(const Event& event);
  // absorb() into a Matcher that has seen nothing: `part`'s state becomes this one's.
  void take_over(Matcher&& part);
  // Whether a match hit of `rule` with these `on` values may still be kept; counts it if so.
  // Always true for a rule without a required join.
  bool take_join_value(std::uint32_t rule_index, const std::string& values);

  const RuleSet& rules_;
  std::size_t max_hits_per_rule_;
  std::size_t max_hits_per_join_value_;
  std::vector<std::size_t> kept_per_rule_;
  std::vector<std::uint64_t> over_cap_per_rule_;
  PastCapTally past_cap_;
  // Per rule with a required join: kept match hits per `on` value tuple (join_values()).
  std::vector<std::unordered_map<std::string, std::size_t>> kept_per_join_value_;
  std::vector<std::uint64_t> over_join_cap_per_rule_;
  KeptEvents events_;
  KeptHits hits_;
  // The kept events' raw text, where they point: on the heap, so it stays put when this
  // Matcher's state moves (take_over).
  std::unique_ptr<RawStore> raw_ = std::make_unique<RawStore>();
  std::unique_ptr<const ExitReader> exits_;  // made on the first kept event
  Timeline timeline_;
  Captures scratch_;
  LineOccurrences line_hits_;  // a quoted copy of a line's failure is not a second occurrence
  std::array<std::shared_ptr<const std::string>, 16> recent_captures_;  // share_captures()
  std::size_t next_recent_ = 0;  // the slot the next new captures take
  std::array<std::shared_ptr<const Origin>, 8> recent_origins_;  // share_origin()
  std::size_t next_origin_ = 0;
  std::shared_ptr<const std::string> input_name_;  // of the last kept event, shared by the next
  std::uint64_t seen_ = 0;
  bool names_gateway_ = false;
  HostTally hosts_;
};

}  // namespace logdx::analysis
