// Every envelope parser on arbitrary lines. The first byte picks the parser (modulo their
// number), the rest is read line by line the way InputParse does: a record opens, later lines
// may continue it. Parsers keep state across lines (multi-line JSON, journal export records).

#include <memory>
#include <optional>

#include "fuzz_input.hpp"
#include "logdx/parsers/parser_registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& entries = logdx::fuzz::builtin_registry().entries();
  const auto& entry = entries[data[0] % entries.size()];
  logdx::ParserOptions options;
  options.default_year = 2026;
  const std::unique_ptr<logdx::EnvelopeParser> parser = entry.factory(options);
  std::optional<logdx::Event> open;
  logdx::Event fresh;
  for (const std::string_view line :
       logdx::fuzz::split_lines(logdx::fuzz::as_text(data + 1, size - 1))) {
    fresh.clear();
    switch (parser->parse_line(line, fresh, open ? &*open : nullptr)) {
      case logdx::LineVerdict::record:
        open = std::move(fresh);
        break;
      case logdx::LineVerdict::continuation:
        if (!open) logdx::fuzz::fail("continuation without an open record");
        break;
      case logdx::LineVerdict::skip:
      case logdx::LineVerdict::no_match:
        break;
    }
  }
  parser->reset();
  return 0;
}
