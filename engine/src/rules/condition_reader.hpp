#pragma once
// Reading `match:` trees and `correlate:` blocks (the recursive parts of a rule).

#include <optional>

#include "rules/yaml_context.hpp"

namespace logdx::rules {

std::optional<Condition> read_condition(const YAML::Node& node, const SourcePosition& where,
                                        YamlContext& context);
std::optional<Correlate> read_correlate(const YAML::Node& node, const SourcePosition& where,
                                        YamlContext& context);

}  // namespace logdx::rules
