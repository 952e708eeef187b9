#pragma once
// Small ASCII helpers shared by the parsers (log keywords are ASCII; no locale involved).

#include <cctype>
#include <cstring>
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

// Whether `text` starts with `prefix`. Inline, with the length checked first: for a literal
// prefix the compiler then compares in place, where string_view's compare calls memcmp with a
// length it cannot know (gates ask this of every line).
inline bool has_prefix(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::memcmp(text.data(), prefix.data(), prefix.size()) == 0;
}

// Whether `text` holds `part`: memchr to each candidate first byte, then an inline compare
// of the rest (string_view::find calls memcmp there, with a length it cannot know).
inline bool holds_text(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  if (text.size() < part.size()) return false;
  const char* at = text.data();
  const char* const last = text.data() + (text.size() - part.size());  // the last start
  while (at <= last) {
    at = static_cast<const char*>(
        std::memchr(at, part.front(), static_cast<std::size_t>(last - at) + 1));
    if (at == nullptr) return false;
    if (std::memcmp(at + 1, part.data() + 1, part.size() - 1) == 0) return true;
    ++at;
  }
  return false;
}

}  // namespace logdx
