#pragma once
// Small ASCII helpers shared by the parsers (log keywords are ASCII; no locale involved).

#include <cctype>
#include <string_view>

namespace logdx {

// An ASCII letter or digit, inline and locale-free (std::isalnum is a call into libc, and
// gates ask it of many bytes per line).
inline bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Case-insensitive equality of two ASCII words ("WARN" == "warn").
inline bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace logdx
