#pragma once
// A line format declared as data (a rule file's `formats:`, docs/rules.md "Formats"), as lnav
// declares its formats: one RE2 pattern whose named groups are event fields, and a time format.
// Compiled once and shared by every parser instance that reads an input with it, so that a
// user can teach logdx the prefix their wrapper writes without a rebuild. A format the build
// already checked (the built-in pack's) compiles its pattern on first use instead: most runs
// never offer a line to most formats.

#include <bitset>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class ParserRegistry;

// What a format is written as; validated by LineFormat::compile.
struct LineFormatSpec {
  std::string id;           // the parser name `logdx parse` shows and --parser takes
  std::string regex;        // RE2, matched at the start of the line
  std::string time_format;  // iso8601 | syslog | epoch | time-only | a strftime subset; "" none
  std::optional<SourceKind> source;  // the kind its events get; else from process/unit/app
  std::string description;
  std::string unless{};  // RE2; a line it matches at its start is not the format's line; "" none
};

// The named groups a pattern may use; `message` is required.
inline constexpr std::string_view kLineFormatGroups[] = {"time",    "host", "unit",  "app",
                                                         "process", "pid",  "level", "message"};

struct LineFormatError {
  enum class Kind : std::uint8_t {
    bad_regex,
    unknown_group,
    no_message_group,
    bad_time_format,
    bad_unless
  };
  Kind kind = Kind::bad_regex;
  std::string detail;  // RE2's message, the group's name or the time format as written
};

class LineFormat : public std::enable_shared_from_this<LineFormat> {
 public:
  static std::variant<std::shared_ptr<const LineFormat>, LineFormatError> compile(
      LineFormatSpec spec);
  // For a format the build compiled and checked: only the time format is read now; the
  // pattern compiles the first time a line passes may_start_with (thread-safe). A pattern
  // that then fails to compile (never, for a checked one) reads no line.
  static std::variant<std::shared_ptr<const LineFormat>, LineFormatError> compile_later(
      LineFormatSpec spec);
  ~LineFormat();

  const LineFormatSpec& spec() const { return spec_; }
  const ParserInfo& info() const { return info_; }
  // Whether a match may start with this byte (read from the pattern's text, narrowed by RE2
  // when compiled now): most lines of other shapes are refused without the pattern.
  bool may_start_with(char first) const { return leading_[static_cast<unsigned char>(first)]; }
  const std::bitset<256>& leading_bytes() const { return leading_; }
  // Whether `line` may match: its first byte may start a match, and it holds the bytes every
  // match holds (formats/leading_bytes.hpp), so a prose line that starts with a letter does
  // not cost an RE2 match per format that a tag can start.
  bool may_match(std::string_view line) const {
    return !line.empty() && may_start_with(line.front()) &&
           (required_.empty() || line.find(required_) != std::string_view::npos);
  }
  // Whether a sample line is read by this format: the pattern matches and the time group,
  // when it matched, is a time of the declared format (a sample is checked at load).
  bool reads(std::string_view line) const;
  std::unique_ptr<EnvelopeParser> make_parser(const ParserOptions& options) const;

  // The pattern, its group indexes and the time format (formats/regex_line_parser.hpp);
  // compiled on the first call for a format made by compile_later.
  struct Compiled;
  const Compiled& compiled() const;

 private:
  explicit LineFormat(LineFormatSpec spec);

  LineFormatSpec spec_;
  ParserInfo info_;
  std::bitset<256> leading_;
  std::string required_;         // bytes every match holds in a row; "" when none are known
  mutable std::once_flag once_;  // compile_later: compiled_ is made once, on first use
  mutable std::unique_ptr<Compiled> compiled_;
};

using LineFormatPtr = std::shared_ptr<const LineFormat>;

// Adds declared formats to a registry (after the built-in ones of equal specificity), each
// peelable, so detection, the mixed-paste fallback, peeling and prefix peeling use them.
void add_line_formats(ParserRegistry& registry, const std::vector<LineFormatPtr>& formats);

}  // namespace logdx
