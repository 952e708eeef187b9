#include "analysis/past_cap_tally.hpp"

#include <unordered_set>

#include "analysis/fingerprint.hpp"
#include "analysis/host_tally.hpp"
#include "analysis/volatile_fold.hpp"

namespace logdx::analysis {
namespace {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

// The key as the tally holds it: a volatile capture (a pid, new on every occurrence) is left
// empty, so the kernel killing node a thousand times past the cap is one entry, not a
// thousand (it joins the finding that the kept kills fold into, volatile_fold.hpp).
std::string steady_value(const std::string& name, const std::string* value) {
  return value != nullptr && !is_volatile_capture(name) ? *value : std::string();
}

// The fingerprint of a draft or tally entry with the volatile values left out.
std::string steady_fingerprint(const CompiledRule& rule, const KeyValues& key_values,
                               const std::string& host_key) {
  KeyValues steady;
  steady.reserve(key_values.size());
  for (const auto& [name, value] : key_values) {
    steady.emplace_back(name, steady_value(name, &value));
  }
  return fingerprint(rule.id, steady, host_key);
}

// The slot of a stamp's clock: utc and local share one (same_clock).
std::size_t clock_slot(TimeKind kind) {
  return static_cast<std::size_t>(kind == TimeKind::local ? TimeKind::utc : kind);
}

}  // namespace

void PastCapKey::add(const Timestamp& time, const std::string& time_text) {
  ++lines_;
  if (!time.has_value()) return;
  if (first_kind_ == TimeKind::none) first_kind_ = time.kind;
  latest_by_kind_[clock_slot(time.kind)].take(time, time_text);
}

void PastCapKey::add_later(const PastCapKey& later) {
  lines_ += later.lines_;
  if (first_kind_ == TimeKind::none) first_kind_ = later.first_kind_;
  for (std::size_t kind = 0; kind < latest_by_kind_.size(); ++kind) {
    latest_by_kind_[kind].take(later.latest_by_kind_[kind]);
  }
}

const LatestTime& PastCapKey::last() const { return latest_by_kind_[clock_slot(first_kind_)]; }

bool PastCapTally::counts_lines(const CompiledRule& rule) {
  if (!rule.correlate) return true;
  switch (rule.correlate->kind) {
    case Correlate::Kind::threshold:
      return true;
    case Correlate::Kind::join:
      return !rule.correlate->required;
    default:
      return false;
  }
}

void PastCapTally::add(std::uint32_t rule_index, const CompiledRule& rule,
                       const Captures& captures, const std::string& group_values,
                       const std::string& host, const Timestamp& time,
                       const std::string& time_text) {
  // The map key: the key values as the draft reads them (captures only; absent is empty),
  // then the host, each ended by a byte no log text ends a value with.
  std::string& map_key = map_key_;
  map_key.clear();
  for (const std::string& name : rule.key) {
    const std::string* value = find_capture(captures, name);
    if (value != nullptr && !is_volatile_capture(name)) map_key += *value;
    map_key += '\x1f';
  }
  map_key += group_values;
  map_key += host;
  RuleKeys& rule_keys = per_rule_[rule_index];
  auto found = rule_keys.at.find(map_key);
  if (found == rule_keys.at.end()) {
    if (rule_keys.keys.size() >= kMaxKeysPerRule) return;
    PastCapKey& fresh = rule_keys.keys.emplace_back();
    for (const std::string& name : rule.key) {
      fresh.key_values.emplace_back(name, steady_value(name, find_capture(captures, name)));
    }
    fresh.group_values = group_values;
    fresh.host = host;
    found = rule_keys.at.emplace(map_key, rule_keys.keys.size() - 1).first;
  }
  rule_keys.keys[found->second].add(time, time_text);
}

void PastCapTally::absorb(PastCapTally&& other) {
  for (std::size_t r = 0; r < per_rule_.size() && r < other.per_rule_.size(); ++r) {
    RuleKeys& rule_keys = per_rule_[r];
    RuleKeys& later = other.per_rule_[r];
    std::vector<const std::string*> map_keys(later.keys.size());
    for (const auto& [map_key, index] : later.at) map_keys[index] = &map_key;
    // In the order the part first saw them, as a single pass would have met them.
    for (std::size_t i = 0; i < later.keys.size(); ++i) {
      auto found = rule_keys.at.find(*map_keys[i]);
      if (found != rule_keys.at.end()) {
        rule_keys.keys[found->second].add_later(later.keys[i]);
      } else if (rule_keys.keys.size() < kMaxKeysPerRule) {
        rule_keys.keys.push_back(std::move(later.keys[i]));
        rule_keys.at.emplace(*map_keys[i], rule_keys.keys.size() - 1);
      }
    }
  }
}

std::uint64_t PastCapTally::attribute(std::uint32_t rule_index, const CompiledRule& rule,
                                      std::vector<Draft>& drafts, const KeptHits& hits,
                                      const KeptEvents& events, bool many_hosts) const {
  if (per_rule_[rule_index].keys.empty()) return 0;
  // Threshold: the groups each draft's kept lines belong to.
  std::vector<std::unordered_set<std::string>> draft_groups(drafts.size());
  const bool threshold = rule.correlate && rule.correlate->kind == Correlate::Kind::threshold;
  for (std::size_t i = 0; threshold && i < drafts.size(); ++i) {
    for (std::uint32_t hit : drafts[i].hits) {
      draft_groups[i].insert(group_values(rule, [&](const std::string& name) {
        return value_of(hits[hit], events[hits[hit].event], name);
      }));
    }
  }
  // Each draft's key as build_drafts read it (its merged captures: first value wins).
  std::vector<std::string> draft_prints;
  draft_prints.reserve(drafts.size());
  for (const Draft& draft : drafts) {
    KeyValues key_values;
    for (const std::string& name : rule.key) {
      const std::string* value = find_capture(draft.captures, name);
      key_values.emplace_back(name, value ? *value : std::string());
    }
    draft_prints.push_back(steady_fingerprint(rule, key_values, draft.host_key));
  }
  std::uint64_t attributed = 0;
  for (const PastCapKey& entry : per_rule_[rule_index].keys) {
    const std::string print = steady_fingerprint(
        rule, entry.key_values, many_hosts ? host_key(entry.host) : std::string());
    // The latest draft with that key: with a volatile key, the kept occurrences fold into one
    // finding with it; without one, it is the only draft with that key.
    for (std::size_t i = drafts.size(); i-- > 0;) {
      if (draft_prints[i] != print) continue;
      if (threshold && draft_groups[i].count(entry.group_values) == 0) continue;
      drafts[i].count += entry.lines();
      drafts[i].past_cap_last.take(entry.last());
      attributed += entry.lines();
      break;
    }
  }
  return attributed;
}

}  // namespace logdx::analysis
