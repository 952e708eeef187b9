#include "analysis/draft.hpp"

#include <algorithm>
#include <unordered_map>

#include "analysis/fingerprint.hpp"

namespace logdx::analysis {

void merge_captures(Captures& into, const Captures& from) {
  for (const auto& [name, value] : from) {
    if (!find_capture(into, name)) into.emplace_back(name, value);
  }
}

DraftResult build_drafts(std::uint32_t rule_index, const CompiledRule& rule,
                         const std::vector<Finding>& findings, const std::vector<Hit>& hits,
                         std::size_t max_groups) {
  DraftResult out;
  std::unordered_map<std::string, std::size_t> by_fingerprint;
  Captures merged;
  std::vector<std::pair<std::string, std::string>> key_values;
  for (const Finding& finding : findings) {
    merged.clear();
    for (std::uint32_t hit : finding.hits) merge_captures(merged, hits[hit].captures);
    key_values.clear();
    for (const std::string& name : rule.key) {
      const std::string* value = find_capture(merged, name);
      key_values.emplace_back(name, value ? *value : std::string());
    }
    std::string print = fingerprint(rule.id, key_values);
    auto found = by_fingerprint.find(print);
    if (found == by_fingerprint.end()) {
      if (out.drafts.size() >= max_groups) {
        out.capped = true;
        continue;
      }
      found = by_fingerprint.emplace(print, out.drafts.size()).first;
      Draft& draft = out.drafts.emplace_back();
      draft.rule = rule_index;
      draft.fingerprint = std::move(print);
      draft.confidence = rule.confidence;
    }
    Draft& draft = out.drafts[found->second];
    ++draft.count;
    merge_captures(draft.captures, merged);
    draft.hits.insert(draft.hits.end(), finding.hits.begin(), finding.hits.end());
  }
  // Hit indexes follow time order (the analyzer sorts the hits), so this is time order too.
  for (Draft& draft : out.drafts) {
    std::sort(draft.hits.begin(), draft.hits.end());
    draft.hits.erase(std::unique(draft.hits.begin(), draft.hits.end()), draft.hits.end());
  }
  return out;
}

}  // namespace logdx::analysis
