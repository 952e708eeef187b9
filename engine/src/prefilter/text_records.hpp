#pragma once
// The two small readers both prefilter files use (the cache file and the pack's built-in
// database): a "\n"-ended line taken off the front, and a decimal count. Both refuse rather
// than guess, so a damaged file is recompiled, never half read.

#include <cstddef>
#include <optional>
#include <string_view>

namespace logdx::prefilter {

// Takes the next line (without its "\n") off the front of `text`; false when no "\n" is left.
inline bool next_line(std::string_view& text, std::string_view& line) {
  const std::size_t end = text.find('\n');
  if (end == std::string_view::npos) return false;
  line = text.substr(0, end);
  text.remove_prefix(end + 1);
  return true;
}

// A decimal count of at most 12 digits; nothing for anything else.
inline std::optional<std::size_t> number(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

}  // namespace logdx::prefilter
