#include "analysis/past_cap_tally.hpp"

#include "analysis/fingerprint.hpp"
#include "analysis/host_tally.hpp"

namespace logdx::analysis {
namespace {

// Later wins; a line without a time, or on another clock kind, does not move it.
void take_later(LinesPastCap& into, const Timestamp& time, const std::string& time_text) {
  if (!time.has_value()) return;
  if (into.last.has_value() && (into.last.kind != time.kind || time.nanos < into.last.nanos)) {
    return;
  }
  into.last = time;
  into.last_text = time_text;
}

}  // namespace

bool PastCapTally::counts_lines(const CompiledRule& rule) {
  return !rule.correlate || rule.correlate->kind == Correlate::Kind::threshold;
}

void PastCapTally::add(std::uint32_t rule_index, const CompiledRule& rule,
                       const Captures& captures, const std::string& host, const Timestamp& time,
                       const std::string& time_text) {
  // The map key: the key values as the draft reads them (captures only; absent is empty),
  // then the host, each ended by a byte no log text ends a value with.
  std::string map_key;
  for (const std::string& name : rule.key) {
    if (const std::string* value = find_capture(captures, name)) map_key += *value;
    map_key += '\x1f';
  }
  map_key += host;
  auto& keys = per_rule_[rule_index];
  auto found = keys.find(map_key);
  if (found == keys.end()) {
    if (keys.size() >= kMaxKeysPerRule) return;
    PastCapKey fresh;
    for (const std::string& name : rule.key) {
      const std::string* value = find_capture(captures, name);
      fresh.key_values.emplace_back(name, value ? *value : std::string());
    }
    fresh.host = host;
    found = keys.emplace(std::move(map_key), std::move(fresh)).first;
  }
  ++found->second.tally.lines;
  take_later(found->second.tally, time, time_text);
}

void PastCapTally::absorb(PastCapTally&& other) {
  for (std::size_t r = 0; r < per_rule_.size() && r < other.per_rule_.size(); ++r) {
    auto& keys = per_rule_[r];
    for (auto& [map_key, entry] : other.per_rule_[r]) {
      auto found = keys.find(map_key);
      if (found == keys.end()) {
        if (keys.size() < kMaxKeysPerRule) keys.emplace(map_key, std::move(entry));
        continue;
      }
      found->second.tally.lines += entry.tally.lines;
      take_later(found->second.tally, entry.tally.last, entry.tally.last_text);
    }
  }
}

std::uint64_t PastCapTally::attribute(std::uint32_t rule_index, const CompiledRule& rule,
                                      std::vector<Draft>& drafts, bool many_hosts) const {
  std::uint64_t attributed = 0;
  for (const auto& [map_key, entry] : per_rule_[rule_index]) {
    const std::string print =
        fingerprint(rule.id, entry.key_values, many_hosts ? host_key(entry.host) : std::string());
    for (Draft& draft : drafts) {
      if (draft.fingerprint != print) continue;
      draft.past_cap.lines += entry.tally.lines;
      take_later(draft.past_cap, entry.tally.last, entry.tally.last_text);
      attributed += entry.tally.lines;
      break;
    }
  }
  return attributed;
}

}  // namespace logdx::analysis
