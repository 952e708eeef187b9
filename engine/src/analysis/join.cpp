#include "analysis/join.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace logdx::analysis {
namespace {

enum class Visit : std::uint8_t { fresh, active, done };

class JoinResolver {
 public:
  JoinResolver(const RuleSet& rules, std::vector<std::vector<Draft>>& drafts,
               const KeptEvents& events, const KeptHits& hits)
      : rules_(rules),
        drafts_(drafts),
        events_(events),
        hits_(hits),
        visits_(rules.rules().size(), Visit::fresh) {}

  void resolve(std::size_t rule_index);

 private:
  // The `on` values of a hit, in the order of `names`, joined by a separator.
  std::string values(const Hit& hit, const std::vector<std::string>& names) const {
    std::string out = events_[hit.event].host_key();  // a join never pairs two hosts' lines
    out += '\x1f';
    for (const std::string& name : names) {
      out += value_of(hit, events_[hit.event], name);
      out += '\x1f';
    }
    return out;
  }
  void join_rule(std::size_t rule_index, std::size_t target);

  const RuleSet& rules_;
  std::vector<std::vector<Draft>>& drafts_;
  const KeptEvents& events_;
  const KeptHits& hits_;
  std::vector<Visit> visits_;
};

void JoinResolver::resolve(std::size_t rule_index) {
  if (visits_[rule_index] != Visit::fresh) return;
  visits_[rule_index] = Visit::active;
  const CompiledRule& rule = rules_.rules()[rule_index];
  if (rule.correlate && rule.correlate->kind == Correlate::Kind::join) {
    const CompiledRule* target = rules_.find(rule.correlate->rule);
    const std::size_t target_index =
        target ? static_cast<std::size_t>(target - rules_.rules().data()) : rule_index;
    if (target && visits_[target_index] == Visit::fresh) resolve(target_index);
    // A disabled target, or one still being resolved (a cycle), offers no partner.
    const bool usable = target && visits_[target_index] == Visit::done;
    join_rule(rule_index, usable ? target_index : rules_.rules().size());
  }
  visits_[rule_index] = Visit::done;
}

void JoinResolver::join_rule(std::size_t rule_index, std::size_t target) {
  const CompiledRule& rule = rules_.rules()[rule_index];
  const CompiledCorrelate& spec = *rule.correlate;
  std::vector<std::string> mine;
  std::vector<std::string> its;
  for (const auto& [my_name, its_name] : spec.on) {
    mine.push_back(my_name);
    its.push_back(its_name);
  }
  std::unordered_map<std::string, std::vector<std::uint32_t>> partners;
  if (target < drafts_.size()) {
    for (const Draft& other : drafts_[target]) {
      for (std::uint32_t hit : other.hits) partners[values(hits_[hit], its)].push_back(hit);
    }
  }
  std::vector<Draft> kept;
  for (Draft& draft : drafts_[rule_index]) {
    std::unordered_set<std::string> seen;  // a loop's hits share values: add partners once
    for (std::uint32_t hit : draft.hits) {
      std::string key = values(hits_[hit], mine);
      const auto found = partners.find(key);
      if (found == partners.end() || !seen.insert(std::move(key)).second) continue;
      draft.partner_hits.insert(draft.partner_hits.end(), found->second.begin(),
                                found->second.end());
    }
    std::sort(draft.partner_hits.begin(), draft.partner_hits.end());
    draft.partner_hits.erase(std::unique(draft.partner_hits.begin(), draft.partner_hits.end()),
                             draft.partner_hits.end());
    for (std::uint32_t partner : draft.partner_hits) {
      hits_[partner].captures.merge_into(draft.partner_captures);
    }
    if (draft.partner_hits.empty()) {
      if (spec.required) continue;
      draft.confidence = spec.confidence_without.value_or(rule.confidence * 0.5);
    }
    kept.push_back(std::move(draft));
  }
  drafts_[rule_index] = std::move(kept);
}

}  // namespace

std::vector<bool> join_targets(const RuleSet& rules) {
  std::vector<bool> out(rules.rules().size(), false);
  for (const CompiledRule& rule : rules.rules()) {
    if (!rule.report || !rule.correlate || rule.correlate->kind != Correlate::Kind::join) continue;
    if (const CompiledRule* target = rules.find(rule.correlate->rule)) {
      out[static_cast<std::size_t>(target - rules.rules().data())] = true;
    }
  }
  return out;
}

Draft context_partner(std::uint32_t rule_index, const std::vector<std::uint32_t>& match_hits) {
  Draft out;
  out.rule = rule_index;
  out.hits = match_hits;
  out.count = match_hits.size();
  return out;
}

void resolve_joins(const RuleSet& rules, std::vector<std::vector<Draft>>& drafts,
                   const KeptEvents& events, const KeptHits& hits) {
  JoinResolver resolver(rules, drafts, events, hits);
  for (std::size_t i = 0; i < rules.rules().size(); ++i) resolver.resolve(i);
}

}  // namespace logdx::analysis
