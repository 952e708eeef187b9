#pragma once
// Shared by the proxy family's tests: field lookup that prints "<none>" when missing, and
// the one-line run of a parser.

#include <string>
#include <string_view>

#include "parser_harness.hpp"

namespace logdx::testing {

inline std::string field_of(const Event& event, std::string_view key) {
  const auto value = event.field(key);
  return value ? std::string(*value) : std::string("<none>");
}

// Runs `parser` over one line; the result has one event when the line was claimed.
inline HarnessResult run_line(std::string_view parser, std::string_view line) {
  return run_parser(parser, line);
}

}  // namespace logdx::testing
