#pragma once
// Small ASCII helpers shared by the parsers (log keywords are ASCII; no locale involved).

#include <cctype>
#include <cstring>
#include <string_view>

namespace logdx {

// ASCII classes, inline and locale-free (logdx never sets a locale, so std::isdigit and friends
// mean the same, but each is a call into libc, and the gates ask them of many bytes per line).
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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
// length it cannot know (gates ask this of every line). Always inlined: in a large unit GCC's
// budget ran out and called it (strlen of each literal, memcmp). (Not holds_text: its loop,
// forced into every caller, kept the callers' own small wrappers from being inlined.)
[[gnu::always_inline]] inline bool has_prefix(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::memcmp(text.data(), prefix.data(), prefix.size()) == 0;
}

// Whether `text` holds `part`. memchr looks for a byte of `part` other than a space (prose is
// one byte in six a space; " - " is found by its dash), then the whole is compared in place
// (string_view::find calls memchr for the first byte and memcmp at each of its occurrences).
inline bool holds_text(std::string_view text, std::string_view part) {
  if (part.empty()) return true;
  if (text.size() < part.size()) return false;
  std::size_t key = part.find_first_not_of(' ');
  if (key == std::string_view::npos) key = 0;
  const char* at = text.data() + key;
  const char* const last = text.data() + (text.size() - part.size()) + key;  // last place of key
  while (at <= last) {
    at = static_cast<const char*>(
        std::memchr(at, part[key], static_cast<std::size_t>(last - at) + 1));
    if (at == nullptr) return false;
    if (std::memcmp(at - key, part.data(), part.size()) == 0) return true;
    ++at;
  }
  return false;
}

// `text` without the blanks (spaces, tabs) it starts with: the indentation a record's
// continuation lines and a tool's aligned fields carry.
inline std::string_view trim_blanks_left(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// `text` without the blanks it ends with.
inline std::string_view trim_blanks_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace logdx
