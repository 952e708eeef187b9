#pragma once
// Cuts a relaxed pattern down to the part Hyperscan can find fast: everything before its
// longest run of literal characters at the top level is dropped. A text that matches A·B
// contains a match of B ending where the A·B match ends, so the cut pattern still says
// "maybe" wherever the whole one would, on the same line. Leading classes and repeats
// (`[0-9a-f.:]+ \S+ \S+ \[`) are what keep Hyperscan's automata running on every byte;
// a literal lets it skip to candidate positions. Flags groups like (?i) before the cut are
// kept in front. Patterns with a top-level `|` or a short literal are left whole.

#include <string>
#include <string_view>

namespace logdx::prefilter {

std::string literal_core(std::string_view relaxed);

}  // namespace logdx::prefilter
