#pragma once
// Cheap line shapes the parsers' may_start() gates share (envelope_parser.hpp).

#include <string_view>

namespace logdx {

// A JSON object starts somewhere on the line: every JSON format needs its '{'.
inline bool holds_brace(std::string_view line) { return line.find('{') != std::string_view::npos; }

// The line's first byte is an ASCII digit: every stamp that starts with a year or a day does.
inline bool starts_with_digit(std::string_view line) {
  return !line.empty() && line.front() >= '0' && line.front() <= '9';
}

}  // namespace logdx
