#include "analysis/volatile_fold.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <utility>

#include "analysis/fingerprint.hpp"

namespace logdx::analysis {
namespace {

constexpr std::size_t kNamedValues = 3;  // folded values the note names

// The fingerprint of a draft's key with its volatile values left out, and whether it was
// joined: what must be equal for two drafts to be one problem.
std::string fold_key(const CompiledRule& rule, const Draft& draft) {
  std::vector<std::pair<std::string, std::string>> key_values;
  for (const std::string& name : rule.key) {
    const std::string* value = find_capture(draft.captures, name);
    key_values.emplace_back(name,
                            is_volatile_capture(name) || value == nullptr ? std::string() : *value);
  }
  return fingerprint(rule.id, key_values, draft.host_key) +
         (draft.partner_hits.empty() ? "" : "+joined");
}

void merge_sorted(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

// `count` findings in `group.size()` drafts: the note names the first few volatile values.
std::string fold_note(const CompiledRule& rule, const std::vector<const Draft*>& group,
                      std::uint64_t count) {
  std::vector<std::string> names;
  for (const std::string& name : rule.key) {
    if (is_volatile_capture(name)) names.push_back(name);
  }
  std::vector<std::string> values;
  for (const Draft* draft : group) {
    if (values.size() == kNamedValues) break;
    const std::string* value = find_capture(draft->captures, names.front());
    if (value != nullptr) values.push_back(*value);
  }
  const std::size_t more = group.size() > values.size() ? group.size() - values.size() : 0;
  return fmt::format("{} findings that differ only in {} are folded into this one ({} {}{})", count,
                     fmt::join(names, ", "), names.front(), fmt::join(values, ", "),
                     more > 0 ? fmt::format(" and {} more", more) : "");
}

// Folds the group's drafts into the first: counts add up, lines and partner lines unite, a
// confirmed member makes the whole confirmed, the highest confidence stands.
Draft fold_group(const CompiledRule& rule, const std::vector<const Draft*>& group,
                 std::string fingerprint_text) {
  Draft folded = *group.front();
  folded.fingerprint = std::move(fingerprint_text);
  bool any_confirmed = folded.notes.empty();
  for (std::size_t i = 1; i < group.size(); ++i) {
    const Draft& other = *group[i];
    folded.count += other.count;
    folded.past_cap_last.take(other.past_cap_last);
    merge_sorted(folded.hits, other.hits);
    merge_sorted(folded.partner_hits, other.partner_hits);
    merge_captures(folded.partner_captures, other.partner_captures);
    folded.confidence = std::max(folded.confidence, other.confidence);
    if (other.notes.empty()) {
      any_confirmed = true;
    } else if (!any_confirmed) {
      folded.notes = other.notes;  // all cut so far: the latest cut note
    }
  }
  if (any_confirmed) folded.notes.clear();
  folded.notes.push_back(fold_note(rule, group, folded.count));
  return folded;
}

}  // namespace

bool is_volatile_capture(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "pid", "conn", "conn_id", "connection_id", "request_id", "req_id", "trace_id"};
  if (std::find(kNames.begin(), kNames.end(), name) != kNames.end()) return true;
  return name.size() > 4 && name.substr(name.size() - 4) == "_pid";
}

void fold_volatile_drafts(const CompiledRule& rule, std::vector<Draft>& drafts) {
  if (drafts.size() < 2 ||
      std::none_of(rule.key.begin(), rule.key.end(),
                   [](const std::string& name) { return is_volatile_capture(name); })) {
    return;
  }
  std::vector<std::string> keys;
  std::map<std::string, std::vector<const Draft*>> groups;
  for (const Draft& draft : drafts) {
    std::string key = fold_key(rule, draft);
    auto& group = groups[key];
    if (group.empty()) keys.push_back(key);
    group.push_back(&draft);
  }
  if (keys.size() == drafts.size()) return;
  std::vector<Draft> folded;
  folded.reserve(keys.size());
  for (const std::string& key : keys) {
    const std::vector<const Draft*>& group = groups[key];
    if (group.size() == 1) {
      folded.push_back(*group.front());
      continue;
    }
    std::string print = key.substr(0, key.find('+'));
    folded.push_back(fold_group(rule, group, std::move(print)));
  }
  drafts = std::move(folded);
}

}  // namespace logdx::analysis
