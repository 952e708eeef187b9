#pragma once
// What a rule's matching lines past max_hits_per_rule would have added to its findings. Such
// a line is not kept (memory stays flat on a log full of one failure), but a loop that matched
// 180 000 times must not report a count of 20 000: per rule and per finding key (the rule's
// `key` captures and the line's host), the lines past the cap are counted with the latest
// time among them, and the analyzer adds them to the finding with that key.
//
// A volatile key capture (a pid) is left out of the tally's key, so the lines join the finding
// that the kept occurrences fold into (volatile_fold.hpp) and the tally stays small.
//
// Only rules whose count is their matching lines take these: a rule without a correlate, a
// `threshold` rule (whose burst counts its lines) and an optional `join` (whose finding stands
// on its own lines: Node's EADDRINUSE, joined to the port's holder when one is named). A
// sequence or absent rule counts chains, which lines past the cap cannot be fitted into, and a
// required join's lines count only beside a partner, which a line past the cap was never
// matched with; they keep the "counted but not kept" note.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/condition_eval.hpp"

namespace logdx::analysis {

// Past-the-cap lines of one finding key.
struct PastCapKey {
  std::vector<std::pair<std::string, std::string>> key_values;  // the rule's key, in order
  std::string group_values;                                     // threshold: group_values()
  std::string host;                                             // as the lines named it

  void add(const Timestamp& time, const std::string& time_text);
  // Adds the lines of the same key that came after these (a later part of the run).
  void add_later(const PastCapKey& later);
  std::uint64_t lines() const { return lines_; }
  // The latest time on the clock of the first line that had one, as LatestTime::take gives
  // when fed the lines in order.
  const LatestTime& last() const;

 private:
  // The latest time per clock kind, kept apart so that a -j part whose first line is on
  // another clock than this one's first still moves the time of the kind that came first:
  // the result does not depend on where the run was cut into parts.
  std::array<LatestTime, 4> latest_by_kind_;  // indexed by clock_slot(TimeKind)
  TimeKind first_kind_ = TimeKind::none;
  std::uint64_t lines_ = 0;
};

class PastCapTally {
 public:
  explicit PastCapTally(std::size_t rule_count) : per_rule_(rule_count) {}

  // Whether lines of `rule` past the cap are counted into its findings (see above).
  static bool counts_lines(const CompiledRule& rule);

  // Counts one line of rule `rule_index` past the cap, with the captures the rule took from it
  // and, for a threshold rule, its `group_by` values (group_values()).
  void add(std::uint32_t rule_index, const CompiledRule& rule, const Captures& captures,
           const std::string& group_values, const std::string& host, const Timestamp& time,
           const std::string& time_text);
  // Adds another tally's counts (Matcher::absorb: a later part of the same run).
  void absorb(PastCapTally&& other);

  // Adds each key's lines to the count of the latest draft with that key, volatile values
  // left out (`many_hosts`: the run's fingerprints carry the host, Matcher::key_hosts).
  // Returns how many lines found a draft; the rest belong to keys whose kept lines made no
  // finding.
  // A threshold rule's lines count only where a kept line of the same group made a finding
  // (the loop goes on past the cap); a group with no finding among the kept lines may never
  // have reached the threshold, and its lines stay in the note.
  std::uint64_t attribute(std::uint32_t rule_index, const CompiledRule& rule,
                          std::vector<Draft>& drafts, const KeptHits& hits,
                          const KeptEvents& events, bool many_hosts) const;

  // A threshold rule's `group_by` values of a line, joined (empty for other rules):
  // `value_of(name)` reads a capture, else the event member of that name.
  template <typename ValueOf>
  static std::string group_values(const CompiledRule& rule, ValueOf value_of) {
    std::string out;
    if (!rule.correlate || rule.correlate->kind != Correlate::Kind::threshold) return out;
    for (const std::string& name : rule.correlate->group_by) {
      out += value_of(name);
      out += '\x1f';
    }
    return out;
  }

 private:
  // At most this many keys per rule: a key with a volatile capture (a pid) must not grow
  // the tally with the log; later keys are counted in the rule's note only.
  static constexpr std::size_t kMaxKeysPerRule = 256;

  // One rule's keys in the order their first line came: which keys fit under
  // kMaxKeysPerRule is then the same whether the run came through one Matcher or parts.
  struct RuleKeys {
    std::vector<PastCapKey> keys;
    std::unordered_map<std::string, std::size_t> at;  // map key (add()) -> index in `keys`
  };

  std::vector<RuleKeys> per_rule_;
  std::string map_key_;  // add()'s scratch: a line past the cap allocates nothing for its key
};

}  // namespace logdx::analysis
