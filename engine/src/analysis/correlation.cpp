#include "analysis/correlation.hpp"

#include <fmt/format.h>

namespace logdx::analysis {

std::string span_words(std::int64_t nanos) {
  constexpr std::int64_t kMilli = 1'000'000;
  constexpr std::int64_t kSecond = 1000 * kMilli;
  if (nanos < 0) nanos = 0;
  if (nanos < kSecond) return fmt::format("{} ms", nanos / kMilli);
  if (nanos < 10 * kSecond && nanos % kSecond != 0) {
    return fmt::format("{:.1f} s", static_cast<double>(nanos) / static_cast<double>(kSecond));
  }
  if (nanos < 120 * kSecond) return fmt::format("{} s", nanos / kSecond);
  if (nanos < 120 * 60 * kSecond) return fmt::format("{} min", nanos / (60 * kSecond));
  return fmt::format("{} h", nanos / (3600 * kSecond));
}

std::string group_key(const std::vector<std::string>& group_by, const Hit& hit,
                      const MatchedEvent& event) {
  std::string key;
  key += static_cast<char>('0' + static_cast<int>(event.clock.kind));
  key += std::to_string(event.clock.input);
  key += '\x1f';
  key += event.host_key();  // empty unless the run holds more than one host
  for (const std::string& name : group_by) {
    key += '\x1f';
    key += value_of(hit, event, name);
  }
  return key;
}

CorrelationResult correlate_each(const CorrelationInput& in) {
  CorrelationResult out;
  out.findings.reserve(in.rule_hits.match.size());
  for (std::uint32_t hit : in.rule_hits.match) out.findings.push_back(Finding{{hit}, {}});
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
