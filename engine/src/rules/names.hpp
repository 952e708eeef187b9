#pragma once
// Small checks on names shared by the loader stages.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "logdx/engine/edit_distance.hpp"
#include "logdx/engine/rule_file.hpp"

namespace logdx::rules {

// ^[a-z][a-z0-9_]*$, checked by hand (the loader needs no regex for its own grammar).
bool is_snake_case(std::string_view text);
// ^[a-z0-9]+(-[a-z0-9]+)*$ : rule ids.
bool is_kebab_case(std::string_view text);
using logdx::edit_distance;
// "; did you mean 'x'?" for the closest candidate within distance 2, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
// "500ms", "30s", "10m", "2h", "1d": a whole number and a unit; nullopt otherwise.
std::optional<Duration> parse_duration(std::string_view text);

}  // namespace logdx::rules
