#pragma once
// Cheap line shapes the parsers' may_start() gates (envelope_parser.hpp) and the paste-repair
// steps share.

#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

// A JSON object starts somewhere on the line: every JSON format needs its '{'.
inline bool holds_brace(std::string_view line) { return line.find('{') != std::string_view::npos; }

// What a JSON format's reset gate (holds_brace) passes: a line with a '{' anywhere.
inline StartBytes json_start_bytes() {
  return StartBytes{}.add_held("{");
}

// The line's first byte is an ASCII digit: every stamp that starts with a year or a day does.
inline bool starts_with_digit(std::string_view line) {
  return !line.empty() && line.front() >= '0' && line.front() <= '9';
}

// The JSON object a JSON-lines record holds: the line without the blanks around it and a
// leading record separator (RFC 7464 json-seq, as `journalctl -o json-seq` writes), when what is
// left starts with '{' and ends with '}'; empty otherwise.
inline std::string_view json_object_text(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\x1e')) {
    line.remove_prefix(1);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.size() < 2 || line.front() != '{' || line.back() != '}') return {};
  return line;
}

// An odd number of unescaped double quotes: the text stops inside a quoted value. Only quotes
// are read: on a raw line brackets may be a terminal's colour codes ("\x1b[31m").
inline bool has_open_quote(std::string_view text) {
  bool open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      open = !open;
    }
  }
  return open;
}

}  // namespace logdx
