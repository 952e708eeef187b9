#include "analysis/correlation.hpp"

namespace logdx::analysis {

std::string group_key(const std::vector<std::string>& group_by, const Hit& hit,
                      const MatchedEvent& event) {
  std::string key;
  key += static_cast<char>('0' + static_cast<int>(event.clock.kind));
  key += std::to_string(event.clock.input);
  for (const std::string& name : group_by) {
    key += '\x1f';
    key += value_of(hit, event, name);
  }
  return key;
}

CorrelationResult correlate_each(const CorrelationInput& in) {
  CorrelationResult out;
  out.findings.reserve(in.rule_hits.match.size());
  for (std::uint32_t hit : in.rule_hits.match) out.findings.push_back(Finding{{hit}});
  return out;
}

CorrelationResult correlate(const CorrelationInput& in) {
  if (!in.rule.correlate) return correlate_each(in);
  switch (in.rule.correlate->kind) {
    case Correlate::Kind::threshold:
      return correlate_threshold(in);
    case Correlate::Kind::sequence:
      return correlate_sequence(in);
    case Correlate::Kind::absent:
      return correlate_absent(in);
    case Correlate::Kind::join:
      break;
  }
  return correlate_each(in);
}

}  // namespace logdx::analysis
