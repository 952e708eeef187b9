#pragma once
// Reads a rule file's `formats:` section (docs/rules.md "Formats") into FormatDefs. Only what
// one entry shows on its own is checked here; the pattern, groups, time format and samples
// are checked by format_checks.hpp, which compiles them.

#include <yaml-cpp/yaml.h>

#include <vector>

#include "logdx/engine/rule_file.hpp"
#include "rules/yaml_context.hpp"

namespace logdx::rules {

void read_formats(const YAML::Node& node, const SourcePosition& where, std::vector<FormatDef>& out,
                  YamlContext& context);

}  // namespace logdx::rules
