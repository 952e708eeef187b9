#pragma once
// The bytes a declared line format's match can start with, read from the pattern's text
// without compiling it: a format checked by the build compiles its pattern only when a line
// gets past this gate (a one-line run would otherwise compile every declared format, a tenth
// of its start-up). Conservative: whatever the reading does not follow (alternation, `.`,
// flags, most escapes) lets every byte through, and RE2 decides.

#include <bitset>
#include <string>
#include <string_view>

namespace logdx::formats {

using ByteSet = std::bitset<256>;

// A superset of the first bytes of any anchored match of `regex` (RE2 syntax, Latin-1).
ByteSet leading_bytes(std::string_view regex);

// Bytes every match of `regex` holds in a row (its longest run of top-level literals that no
// quantifier makes optional: "]: " of `(?P<process>\w+)\[\d+\]: (?P<message>.*)`), or "" when
// the reading finds none. A line without them is refused before RE2 runs: most prose lines
// start with a letter, which a tag-led format's first byte admits. Conservative as above.
std::string required_literal(std::string_view regex);

}  // namespace logdx::formats
