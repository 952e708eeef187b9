#pragma once
// How bad a diagnosis is. Ordered: a higher value is worse (`--fail-on` compares).

#include <cstdint>
#include <optional>
#include <string_view>

namespace logdx {

enum class Severity : std::uint8_t { info, warning, error, critical };

std::string_view to_string(Severity severity);
// "info" | "warning" | "error" | "critical", exactly; nullopt for anything else.
std::optional<Severity> severity_from_string(std::string_view text);

}  // namespace logdx
