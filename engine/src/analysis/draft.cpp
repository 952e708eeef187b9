#include "analysis/draft.hpp"

#include <algorithm>
#include <unordered_map>

#include "analysis/fingerprint.hpp"

namespace logdx::analysis {
namespace {

// A draft all of whose findings were cut by the end of their input keeps the rule's cut
// confidence and says why; one confirmed finding is enough to make the whole draft confirmed.
void apply_cut(Draft& draft, const CompiledRule& rule, std::uint64_t confirmed,
               std::string latest_cut_note) {
  if (confirmed > 0 || latest_cut_note.empty()) return;
  const double cut_confidence = rule.correlate && rule.correlate->confidence_cut
                                    ? *rule.correlate->confidence_cut
                                    : rule.confidence * 0.5;
  draft.confidence = cut_confidence;
  draft.notes.push_back(std::move(latest_cut_note));
}

}  // namespace

void LatestTime::take(const Timestamp& other, const std::string& other_text) {
  if (!other.has_value()) return;
  if (time.has_value() && (!same_clock(time.kind, other.kind) || other.nanos < time.nanos)) return;
  time = other;
  text = other_text;
}

void merge_captures(Captures& into, const Captures& from) {
  for (const auto& [name, value] : from) {
    if (!find_capture(into, name)) into.emplace_back(name, value);
  }
}

DraftResult build_drafts(std::uint32_t rule_index, const CompiledRule& rule,
                         const std::vector<Finding>& findings, const KeptHits& hits,
                         const KeptEvents& events, std::size_t max_groups) {
  DraftResult out;
  std::unordered_map<std::string, std::size_t> by_fingerprint;
  Captures merged;
  std::vector<std::pair<std::string, std::string>> key_values;
  std::vector<std::uint64_t> confirmed;  // per draft: findings not cut by the input's end
  std::vector<std::string> latest_cut;   // per draft: the note of its latest cut finding
  for (const Finding& finding : findings) {
    merged.clear();
    for (std::uint32_t hit : finding.hits) hits[hit].captures.merge_into(merged);
    key_values.clear();
    for (const std::string& name : rule.key) {
      const std::string* value = find_capture(merged, name);
      key_values.emplace_back(name, value ? *value : std::string());
    }
    // Correlation grouped by host already, so a finding's lines share one host key.
    const std::string host = events[hits[finding.hits.front()].event].host_key();
    std::string print = fingerprint(rule.id, key_values, host);
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
      draft.host_key = host;
      draft.confidence = rule.confidence;
      confirmed.push_back(0);
      latest_cut.emplace_back();
    }
    Draft& draft = out.drafts[found->second];
    if (finding.cut_note.empty()) {
      ++confirmed[found->second];
    } else {
      latest_cut[found->second] = finding.cut_note;
    }
    ++draft.count;
    // Sized once: a rule with a volatile key (one draft per pid) has thousands of drafts
    // until they fold, and a vector grown one capture at a time is half spare capacity.
    if (draft.captures.empty()) draft.captures.reserve(merged.size());
    merge_captures(draft.captures, merged);
    draft.hits.insert(draft.hits.end(), finding.hits.begin(), finding.hits.end());
  }
  // Hit indexes follow time order (the analyzer sorts the hits), so this is time order too.
  for (std::size_t i = 0; i < out.drafts.size(); ++i) {
    apply_cut(out.drafts[i], rule, confirmed[i], std::move(latest_cut[i]));
  }
  for (Draft& draft : out.drafts) {
    std::sort(draft.hits.begin(), draft.hits.end());
    draft.hits.erase(std::unique(draft.hits.begin(), draft.hits.end()), draft.hits.end());
  }
  return out;
}

}  // namespace logdx::analysis
