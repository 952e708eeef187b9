#include "logdx/engine/compiled_rule.hpp"

#include <algorithm>

namespace logdx {

bool CompiledRule::applies_to(SourceKind kind) const {
  return sources.empty() || std::find(sources.begin(), sources.end(), kind) != sources.end();
}

std::vector<PatternRef> PatternScan::scan(std::string_view text) const {
  std::vector<PatternRef> out;
  if (!set_ || refs_.empty()) return out;
  std::vector<int> hits;
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), &hits)) return out;
  out.reserve(hits.size());
  for (int hit : hits) out.push_back(refs_[static_cast<std::size_t>(hit)]);
  return out;
}

const CompiledRule* RuleSet::find(std::string_view id) const {
  for (const CompiledRule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::vector<std::size_t> RuleSet::candidates(const Event& event) const {
  std::vector<std::size_t> out;
  for (const PatternRef& ref : message_scan_.scan(event.message)) out.push_back(ref.rule);
  if (!raw_scan_.empty()) {
    for (const PatternRef& ref : raw_scan_.scan(event.raw)) out.push_back(ref.rule);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace logdx
