#pragma once
// Shared by the fuzz targets: the fuzzer's bytes as a string_view, split into lines the way
// LineReader hands them to parsers (no terminator, a trailing '\r' kept: parsers must cope).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// Stops the run with a message libFuzzer shows next to the crash input.
[[noreturn]] void fail(const char* what);

// The built-in parsers, built once per fuzzing process (every target reads through them).
inline const ParserRegistry& builtin_registry() {
  static const ParserRegistry kRegistry = ParserRegistry::builtin();
  return kRegistry;
}

}  // namespace logdx::fuzz
