#pragma once
// Test helper: runs one envelope parser over text the way the reader does (record /
// continuation / skip protocol), without detection, fallback, peeling or joining.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::testing {

struct HarnessResult {
  std::vector<Event> events;
  std::size_t no_match = 0;  // lines the parser refused
  std::size_t skipped = 0;
};

inline HarnessResult run_parser(std::string_view parser_name, std::string_view text,
                                ParserOptions options = {}) {
  const auto registry = ParserRegistry::builtin();
  auto parser = registry.create(parser_name, options);
  if (!parser) throw std::runtime_error("no parser named " + std::string(parser_name));
  HarnessResult result;
  bool has_open = false;
  std::uint64_t line_no = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t nl = text.find('\n', offset);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(offset, end - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    Event fresh;
    fresh.where.input = "test";
    fresh.where.line = line_no;
    fresh.where.byte_offset = offset;
    Event* open = has_open ? &result.events.back() : nullptr;
    switch (parser->parse_line(line, fresh, open)) {
      case LineVerdict::record:
        result.events.push_back(std::move(fresh));
        has_open = true;
        break;
      case LineVerdict::continuation:
        if (open == nullptr) throw std::logic_error("continuation without an open record");
        ++open->where.line_count;
        break;
      case LineVerdict::skip: ++result.skipped; break;
      case LineVerdict::no_match: ++result.no_match; break;
    }
    offset = end + 1;
  }
  return result;
}

inline std::string read_corpus_file(const std::string& relative) {
  std::ifstream in(std::string(LOGDX_CORPUS_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open corpus file " + relative);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace logdx::testing
