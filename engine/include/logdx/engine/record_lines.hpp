#pragma once

#include <cstddef>
#include <string_view>

namespace logdx::engine {

// Line `n` (0-based) of a record's text, without its newline; empty past the last line. An
// evidence line's `focus_line` indexes its text this way, so the engine (which picks the line)
// and every printer (which shows it) read the same line.
std::string_view nth_line(std::string_view text, std::size_t n);

}  // namespace logdx::engine
