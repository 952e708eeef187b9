#include "logdx/parsers/line_format.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "formats/declared_time.hpp"
#include "formats/leading_bytes.hpp"
#include "formats/regex_line_parser.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {
namespace {

// Below the built-in grammars with a distinctive prefix (50+), which say more about a line
// they claim, and above generic JSON (10) and plain text (0).
constexpr int kDeclaredSpecificity = 45;

RE2::Options pattern_options() {
  RE2::Options options;
  // Latin-1 as for rules: every byte is a character, so a line with invalid UTF-8 still reads.
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  return options;
}

// The pattern compiled with its group indexes (and the `unless` pattern); an error when one
// does not compile or the pattern names a group it should not.
std::variant<std::unique_ptr<LineFormat::Compiled>, LineFormatError> compile_pattern(
    const LineFormatSpec& spec) {
  using Kind = LineFormatError::Kind;
  auto re = std::make_unique<RE2>(spec.regex, pattern_options());
  if (!re->ok()) return LineFormatError{Kind::bad_regex, re->error()};
  std::unique_ptr<RE2> unless;
  if (!spec.unless.empty()) {
    unless = std::make_unique<RE2>(spec.unless, pattern_options());
    if (!unless->ok()) return LineFormatError{Kind::bad_unless, unless->error()};
  }
  auto compiled = std::make_unique<LineFormat::Compiled>();
  compiled->group.fill(-1);
  for (const auto& [name, index] : re->NamedCapturingGroups()) {
    const auto* known = std::find(std::begin(kLineFormatGroups), std::end(kLineFormatGroups), name);
    if (known == std::end(kLineFormatGroups)) return LineFormatError{Kind::unknown_group, name};
    compiled->group[static_cast<std::size_t>(known - std::begin(kLineFormatGroups))] = index;
  }
  if (compiled->index(Field::message) < 0) return LineFormatError{Kind::no_message_group, {}};
  compiled->captures = re->NumberOfCapturingGroups() + 1;
  compiled->re = std::move(re);
  compiled->unless = std::move(unless);
  return compiled;
}

// The bytes RE2 says a match can start with (RE2::PossibleMatchRange), as a set.
std::bitset<256> possible_first_bytes(const RE2& re) {
  std::bitset<256> out;
  std::string min;
  std::string max;
  if (!re.PossibleMatchRange(&min, &max, 1)) return out.set();
  const unsigned first = min.empty() ? 0 : static_cast<unsigned char>(min[0]);
  const unsigned last = max.empty() ? 255 : static_cast<unsigned char>(max[0]);
  for (unsigned c = first; c <= last; ++c) out.set(c);
  return out;
}

}  // namespace

LineFormat::LineFormat(LineFormatSpec spec)
    : spec_(std::move(spec)),
      leading_(formats::leading_bytes(spec_.regex)),
      required_(formats::required_literal(spec_.regex)) {
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
  auto time = formats::DeclaredTime::parse(spec.time_format);
  if (!time) return LineFormatError{LineFormatError::Kind::bad_time_format, spec.time_format};
  auto pattern = compile_pattern(spec);
  if (auto* error = std::get_if<LineFormatError>(&pattern)) return std::move(*error);
  auto compiled = std::get<std::unique_ptr<Compiled>>(std::move(pattern));
  compiled->time = std::move(*time);
  auto format = std::shared_ptr<LineFormat>(new LineFormat(std::move(spec)));
  format->leading_ &= possible_first_bytes(*compiled->re);
  format->compiled_ = std::move(compiled);
  std::call_once(format->once_, [] {});  // compiled: compiled() has nothing left to do
  return LineFormatPtr(std::move(format));
}

std::variant<LineFormatPtr, LineFormatError> LineFormat::compile_later(LineFormatSpec spec) {
  if (!formats::DeclaredTime::parse(spec.time_format)) {
    return LineFormatError{LineFormatError::Kind::bad_time_format, spec.time_format};
  }
  return LineFormatPtr(std::shared_ptr<LineFormat>(new LineFormat(std::move(spec))));
}

const LineFormat::Compiled& LineFormat::compiled() const {
  std::call_once(once_, [this] {
    auto pattern = compile_pattern(spec_);
    auto* made = std::get_if<std::unique_ptr<Compiled>>(&pattern);
    compiled_ = made != nullptr ? std::move(*made) : std::make_unique<Compiled>();
    compiled_->time = *formats::DeclaredTime::parse(spec_.time_format);  // checked at creation
  });
  return *compiled_;
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
