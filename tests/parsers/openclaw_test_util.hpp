#pragma once
// Helpers shared by the openclaw family's tests.

#include <stdexcept>
#include <string>
#include <string_view>

#include "parser_harness.hpp"

namespace logdx::testing {

// The first event whose message starts with `prefix`; throws (failing the test) when none does.
inline const Event& event_starting_with(const HarnessResult& result, std::string_view prefix) {
  for (const auto& event : result.events) {
    if (std::string_view(event.message).substr(0, prefix.size()) == prefix) return event;
  }
  throw std::runtime_error("no event starts with: " + std::string(prefix));
}

inline std::string field_or_empty(const Event& event, std::string_view key) {
  auto value = event.field(key);
  return value ? std::string(*value) : std::string("<none>");
}

inline std::size_t count_blank_lines(std::string_view text) {
  std::size_t blanks = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) ++blanks;
    start = end + 1;
  }
  return blanks;
}

// Runs one parser over one line.
inline LineVerdict verdict_of(std::string_view parser_name, std::string_view line, Event& event) {
  const auto registry = ParserRegistry::builtin();
  auto parser = registry.create(parser_name, {});
  if (!parser) throw std::runtime_error("no parser named " + std::string(parser_name));
  return parser->parse_line(line, event, nullptr);
}

}  // namespace logdx::testing
