#pragma once
// Small helpers for the pm2 tests: find the event of a given input line, read a field, and strip
// ANSI / CR the way the reader does before parsers see a line.

#include <stdexcept>
#include <string>
#include <string_view>

#include "parser_harness.hpp"

namespace logdx::testing {

inline const Event& event_at_line(const HarnessResult& result, std::uint64_t line) {
  for (const auto& e : result.events) {
    if (e.where.line == line) return e;
  }
  throw std::runtime_error("no event for line " + std::to_string(line));
}

inline std::string field_or(const Event& e, std::string_view key, std::string_view fallback = "") {
  const auto value = e.field(key);
  return std::string(value ? *value : fallback);
}

// Drops CSI escapes (ESC '[' ... final byte) and carriage returns.
inline std::string strip_ansi_and_cr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x40) ++i;
      continue;
    }
    if (text[i] != '\r') out.push_back(text[i]);
  }
  return out;
}

inline std::string time_of(const Event& e) {
  return e.time.has_value() ? format_timestamp(e.time) : std::string("<none>");
}

}  // namespace logdx::testing
