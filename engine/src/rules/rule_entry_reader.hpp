#pragma once
// Reading one entry of `rules:` into a RuleDef.

#include <optional>

#include "rules/yaml_context.hpp"

namespace logdx::rules {

// nullopt only when the entry is not a mapping or has no usable id; a rule with other errors
// comes back `damaged` so the collector still knows its id.
std::optional<RuleDef> read_rule(const YAML::Node& node, const SourcePosition& where,
                                 YamlContext& context);

}  // namespace logdx::rules
