#include "analysis/matched_event.hpp"

#include <tuple>

namespace logdx::analysis {

bool event_before(const MatchedEvent& a, const MatchedEvent& b) {
  return std::tie(a.clock, a.effective.nanos, a.input_index, a.line, a.arrival) <
         std::tie(b.clock, b.effective.nanos, b.input_index, b.line, b.arrival);
}

const std::string* find_capture(const Captures& captures, std::string_view name) {
  for (const auto& [key, value] : captures) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string value_of(const Hit& hit, const MatchedEvent& event, const std::string& name) {
  if (const std::string* value = find_capture(hit.captures, name)) return *value;
  if (name == "unit") return event.unit;
  if (name == "app") return event.app;
  if (name == "host") return event.host;
  if (name == "process") return event.process;
  if (name == "input") return event.input;
  if (name == "source") return std::string(to_string(event.source));
  if (name == "pid") return event.pid ? std::to_string(*event.pid) : std::string();
  return {};
}

}  // namespace logdx::analysis
