#include "core/tool_blocks.hpp"

#include <initializer_list>

#include "core/ascii.hpp"

namespace logdx::tool_block {

using namespace std::string_view_literals;

namespace {

// "KEY:" then the end of the line or a blank: how describe's printer (kubectl
// pkg/describe/describe.go, PrefixWriter "%s:\t%s") writes a field; the tab is printed as
// spaces by its tabwriter.
bool is_field(std::string_view t, std::string_view key) {
  if (!has_prefix(t, key)) return false;
  const std::string_view rest = t.substr(key.size());
  return rest.empty() || rest.front() == ' ' || rest.front() == '\t';
}

// The value after "KEY:" and its padding.
std::string_view field_value(std::string_view t, std::string_view key) {
  return trim_blanks_left(t.substr(key.size()));
}

// The top-level sections describePod prints after "Containers:" (kubectl
// pkg/describe/describe.go, 1.x through 1.3x): a flush-left one goes on with the block, a
// person's "Note: ..." under the paste does not.
bool is_top_level_field(std::string_view m) {
  if (m.empty() || m.front() < 'A' || m.front() > 'Z') return false;
  for (const std::string_view key :
       {"Containers:"sv, "Init Containers:"sv, "Ephemeral Containers:"sv, "Conditions:"sv,
        "Readiness Gates:"sv, "Volumes:"sv, "QoS Class:"sv, "Node-Selectors:"sv, "Tolerations:"sv,
        "Events:"sv, "Topology Spread Constraints:"sv}) {
    if (is_field(m, key)) return true;
  }
  return false;
}

// describe's events table (printEvents: "Type\tReason\tAge\tFrom\tMessage", a row of dashes,
// then "Normal|Warning\tREASON\tAGE\tFROM\tMESSAGE") pasted flush left.
bool is_events_row(std::string_view m) {
  return has_prefix(m, "Normal ") || has_prefix(m, "Warning ") || has_prefix(m, "Type ") ||
         has_prefix(m, "----");
}

}  // namespace

std::string_view npm_prefix(std::string_view message) {
  for (const std::string_view prefix : {"npm ERR!"sv, "npm error"sv}) {
    if (has_prefix(message, prefix) &&
        (message.size() == prefix.size() || message[prefix.size()] == ' ')) {
      return prefix;
    }
  }
  return {};
}

bool opens_kubectl_describe(std::string_view message) {
  const std::string_view t = trim_blanks_left(message);
  if (t.empty() || (t.front() != 'C' && t.front() != 'I' && t.front() != 'S' && t.front() != 'L' &&
                    t.front() != 'E')) {
    return false;
  }
  if (t == "Containers:" || t == "Init Containers:") return true;
  if (is_field(t, "Events:")) {
    const std::string_view v = field_value(t, "Events:");
    return v.empty() || v == "<none>";
  }
  // printContainerState: "State:\tWaiting" / "Running" / "Terminated", the same after "Last
  // State:" (1.0 through 1.3x)
  for (const std::string_view key : {"State:"sv, "Last State:"sv}) {
    if (!is_field(t, key)) continue;
    const std::string_view v = field_value(t, key);
    return v == "Waiting" || v == "Running" || v == "Terminated";
  }
  return false;
}

bool continues_kubectl_describe(std::string_view message) {
  if (message.empty()) return false;
  if (message.front() == ' ' || message.front() == '\t') return !trim_blanks_left(message).empty();
  return is_top_level_field(message) || is_events_row(message);
}

}  // namespace logdx::tool_block
