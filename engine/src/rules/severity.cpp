#include "logdx/engine/severity.hpp"

#include <array>

namespace logdx {
namespace {
constexpr std::array<std::string_view, 4> kSeverityNames = {"info", "warning", "error", "critical"};
}  // namespace

std::string_view to_string(Severity severity) {
  return kSeverityNames[static_cast<std::size_t>(severity)];
}

std::optional<Severity> severity_from_string(std::string_view text) {
  for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == text) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

}  // namespace logdx
