#pragma once
// The built-in rule pack (rules/*.yaml), compiled into the binary at build time by
// cmake/embed_rules.cmake, so an installed logdx needs no data files. Names read
// "builtin:rules/<file>.yaml"; the order is the pack's load order (sorted by file name).

#include <vector>

#include "logdx/engine/rule_loader.hpp"

namespace logdx {

std::vector<RuleText> builtin_rule_texts();

}  // namespace logdx
