#include "logdx/parsers/line_format.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "formats/declared_time.hpp"
#include "formats/regex_line_parser.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {
namespace {

// Below the built-in grammars with a distinctive prefix (50+), which say more about a line
// they claim, and above generic JSON (10) and plain text (0).
constexpr int kDeclaredSpecificity = 45;

}  // namespace

LineFormat::LineFormat(LineFormatSpec spec) : spec_(std::move(spec)) {
  info_.name = spec_.id;
  info_.description = spec_.description.empty()
                          ? std::string_view("a line format declared in a rule file")
                          : std::string_view(spec_.description);
  info_.source = spec_.source.value_or(SourceKind::other);
  info_.specificity = kDeclaredSpecificity;
  info_.peelable = true;
}

LineFormat::~LineFormat() = default;

std::variant<LineFormatPtr, LineFormatError> LineFormat::compile(LineFormatSpec spec) {
  using Kind = LineFormatError::Kind;
  auto time = formats::DeclaredTime::parse(spec.time_format);
  if (!time) return LineFormatError{Kind::bad_time_format, spec.time_format};
  RE2::Options options;
  // Latin-1 as for rules: every byte is a character, so a line with invalid UTF-8 still reads.
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(spec.regex, options);
  if (!re->ok()) return LineFormatError{Kind::bad_regex, re->error()};
  auto compiled = std::make_unique<Compiled>();
  compiled->group.fill(-1);
  for (const auto& [name, index] : re->NamedCapturingGroups()) {
    const auto* known = std::find(std::begin(kLineFormatGroups), std::end(kLineFormatGroups), name);
    if (known == std::end(kLineFormatGroups)) return LineFormatError{Kind::unknown_group, name};
    compiled->group[static_cast<std::size_t>(known - std::begin(kLineFormatGroups))] = index;
  }
  if (compiled->index(Field::message) < 0) return LineFormatError{Kind::no_message_group, {}};
  std::string min;
  std::string max;
  if (re->PossibleMatchRange(&min, &max, 1)) {
    compiled->first_min = min.empty() ? 0 : static_cast<unsigned char>(min[0]);
    compiled->first_max = max.empty() ? 255 : static_cast<unsigned char>(max[0]);
  }
  compiled->captures = re->NumberOfCapturingGroups() + 1;
  compiled->time = std::move(*time);
  compiled->re = std::move(re);
  auto format = std::shared_ptr<LineFormat>(new LineFormat(std::move(spec)));
  format->compiled_ = std::move(compiled);
  return LineFormatPtr(std::move(format));
}

bool LineFormat::reads(std::string_view line) const {
  RegexLineParser parser(shared_from_this(), ParserOptions{.default_year = 2026});
  Event event;
  return parser.parse_line(line, event, nullptr) == LineVerdict::record;
}

std::unique_ptr<EnvelopeParser> LineFormat::make_parser(const ParserOptions& options) const {
  return std::make_unique<RegexLineParser>(shared_from_this(), options);
}

void add_line_formats(ParserRegistry& registry, const std::vector<LineFormatPtr>& formats) {
  for (const LineFormatPtr& format : formats) {
    registry.add(format->info(),
                 [format](const ParserOptions& options) { return format->make_parser(options); });
  }
  registry.sort_by_specificity();
}

}  // namespace logdx
