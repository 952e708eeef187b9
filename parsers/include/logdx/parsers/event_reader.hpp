#pragma once
// Reads one input end to end: bytes -> lines -> paste cleaning -> format detection -> the
// winning parser per line (falling back per line to the parser that fits) -> peeling of
// nested envelopes -> joining of multi-line records -> events, in input order.
// Problems (unreadable input, truncated gzip, cut lines) become diagnostics; events already
// delivered stay delivered.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "logdx/parsers/byte_source.hpp"
#include "logdx/parsers/format_detector.hpp"
#include "logdx/parsers/input_set.hpp"
#include "logdx/parsers/line_reader.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

struct ReaderOptions {
  std::string forced_parser;                 // --parser NAME: no detection
  std::optional<int> year;                   // --year, for stamps without a year
  std::size_t max_line_bytes = 1 << 20;      // longer lines are cut (warning with the count)
  std::size_t detect_lines = 200;            // lines sampled for detection
  std::size_t detect_bytes = 256 * 1024;     // ... or this many bytes, whichever comes first
};

struct ReaderDiagnostic {
  enum class Severity { note, warning, error };
  Severity severity = Severity::note;
  std::string input;
  std::uint64_t line = 0;  // 0 when not about one line
  std::string message;
};

struct InputSummary {
  std::string input;
  std::string parser;      // the detected (or forced) parser
  Detection detection;     // empty scores when forced
  std::uint64_t lines = 0;
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  std::string content_hash;  // XXH3 of the bytes read (decompressed), see ContentDigest
  std::uint64_t lines_cut = 0;
  std::uint64_t fallback_lines = 0;  // lines the winner did not claim, parsed by another parser
  bool failed = false;               // an error stopped reading this input
  bool skipped = false;              // not read at all (binary)
  bool transcoded = false;           // decoded (UTF-16): `bytes` counts the UTF-8 text
};

class EventReader {
 public:
  using Sink = std::function<void(Event&&)>;

  EventReader(const ParserRegistry& registry, ReaderOptions options);

  // Reads `input`, calling `sink` for each event. Never throws for input problems.
  // `observer`, when set, sees the input's bytes in whole lines before they are parsed
  // (LineReader::Observer), so a prefilter has scanned a line before its event arrives.
  InputSummary read(const ResolvedInput& input, const Sink& sink,
                    std::vector<ReaderDiagnostic>& diagnostics,
                    const LineReader::Observer& observer = {}) const;
  // The same on a source the caller opened (--follow's following source). When `input.parser`
  // is set, nothing is sampled first: events flow from the first line.
  InputSummary read(const ResolvedInput& input, std::unique_ptr<ByteSource> source,
                    const Sink& sink, std::vector<ReaderDiagnostic>& diagnostics,
                    const LineReader::Observer& observer = {}) const;

 private:
  const ParserRegistry& registry_;
  ReaderOptions options_;
};

}  // namespace logdx
