#pragma once
// The EnvelopeParser of a declared line format: one anchored RE2 match per line, after a
// first-byte and required-bytes check that turns most lines of other shapes away before RE2 runs
// (and before a pattern compiled on first use is compiled).

#include <re2/re2.h>

#include <array>
#include <memory>
#include <vector>

#include "formats/declared_time.hpp"
#include "logdx/parsers/line_format.hpp"
#include "plain/plain_inference.hpp"

namespace logdx {

// Indexes into kLineFormatGroups.
enum class Field : std::uint8_t { time, host, unit, app, process, pid, level, message };

struct LineFormat::Compiled {
  std::unique_ptr<RE2> re;      // null when a pattern compiled on first use did not compile
  std::unique_ptr<RE2> unless;  // the format's `unless`; null when it has none
  std::array<int, std::size(kLineFormatGroups)> group{};  // capture index, -1 when absent
  int captures = 1;                                       // groups + the whole match
  formats::DeclaredTime time;

  int index(Field field) const { return group[static_cast<std::size_t>(field)]; }
};

class RegexLineParser final : public EnvelopeParser {
 public:
  RegexLineParser(LineFormatPtr format, const ParserOptions& options);

  const ParserInfo& info() const override { return format_->info(); }
  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override;
  bool may_start(std::string_view line) const override { return format_->may_match(line); }
  StartBytes start_bytes() const override {
    StartBytes start;
    start.first = format_->leading_bytes();
    return start;
  }

 private:
  std::string_view group(Field field) const;
  // The format's compiled pattern, asked for on the first line that passes may_start.
  const LineFormat::Compiled& compiled();

  LineFormatPtr format_;
  const LineFormat::Compiled* compiled_ = nullptr;
  int default_year_;
  PlainInference inference_;  // the message behind a wrapper's prefix may still be tagged
  std::vector<re2::StringPiece> groups_;  // sized once (with compiled_): no allocation per line
};

}  // namespace logdx
