#pragma once
// The loader's stage for `formats:`: compiles each declared line format (parsers'
// LineFormat) and checks it as lnav checks its formats: the pattern compiles, names only
// known groups and a `message`, the time format is one logdx reads, and every sample is read.
// Ids are unique across files and do not reuse a built-in parser's name.

#include <vector>

#include "logdx/engine/rule_diagnostic.hpp"
#include "logdx/engine/rule_file.hpp"
#include "logdx/parsers/line_format.hpp"

namespace logdx::rules {

// Formats in load order; a format with any problem is left out and reported.
std::vector<LineFormatPtr> check_formats(const std::vector<const RuleFile*>& files,
                                         std::vector<RuleDiagnostic>& diagnostics);

}  // namespace logdx::rules
