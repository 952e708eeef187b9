#pragma once
// The names of a pattern's named groups (`(?P<name>...)`, `(?<name>...)`), read from its text
// without compiling it, so the built-in pack's patterns can stay uncompiled until used
// (rule_regex.hpp) while the compiler still knows every rule's captures. The pack generator
// checks at build time that this agrees with RE2's NamedCapturingGroups for every pack pattern.

#include <string>
#include <string_view>
#include <vector>

namespace logdx::rules {

// In the order they are written; escapes (`\(`, `\Q...\E`) and character classes skipped.
std::vector<std::string> named_groups(std::string_view pattern);

}  // namespace logdx::rules
