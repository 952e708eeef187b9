#pragma once
// The parsers of one run: the built-in ones plus the line formats rule files declare
// (`formats:`, docs/rules.md "Formats"), so detection, the mixed-paste fallback and peeling
// use a declared format like a built-in one.

#include <vector>

#include "logdx/parsers/line_format.hpp"
#include "logdx/parsers/parser_registry.hpp"
#include "rule_options.hpp"

namespace logdx::cli {

ParserRegistry registry_with_formats(const std::vector<LineFormatPtr>& formats);

// For commands without rule options (`parse`, `detect`): the formats of the built-in pack and
// of the user rules folder. A format with a problem is left out and the problem printed to
// stderr; problems of rules are not this command's business (`rules lint` shows them).
ParserRegistry registry_with_default_formats();

}  // namespace logdx::cli
