// `openclaw gateway run` console lines: "<ISO ms +hh:mm> [subsystem] message", the subsystem
// optional (console.error output has none). The console does not print the level (info goes to
// stdout, warn/error to stderr, but one file does not say which it is), so level stays unknown.
//
// Multi-line messages ("Gateway failed to start: ...\nIf the gateway is supervised, stop it
// with: ...", the invalid-config report, the bind refusal) are written as one record whose later
// lines carry no stamp. They all come from console output forwarded without a subsystem (the
// file log of every corpus run has no multi-line message under a subsystem logger), so a
// non-blank unstamped line continues our previous record only when that record had no
// "[subsystem]", and only when it does not start like something else (another stamp, JSON, a V8
// OOM block, a stack frame, "node: bad option"): those belong to the reader's other parsers and
// RecordJoiner, e.g. a kernel OOM line after "[gateway] ..." in `journalctl -o cat` output.

#include <boost/spirit/home/x3.hpp>

#include "core/line_shape.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/take.hpp"
#include "logdx/parsers/source_classifier.hpp"
#include "openclaw/openclaw_parsers.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kConsoleInfo{
    "openclaw-console",
    "openclaw gateway console: 2026-11-25T04:42:36.549+00:00 [subsystem] message",
    SourceKind::gateway, 60, true};

const auto subsystem_name = x3::raw[+(grammar::ascii::alnum | x3::char_("_./:@-"))];
const auto subsystem_tag = x3::lit('[') >> subsystem_name >> x3::lit(']') >>
                           (x3::lit(' ') | x3::eoi);

// Reads "[name] " at the front of `rest`; on success sets `name` and advances `rest`.
bool parse_subsystem(std::string_view& rest, std::string_view& name) {
  return grammar::take(rest, subsystem_tag, name);
}

class ConsoleParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kConsoleInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override {
    std::string_view rest = line;
    std::string_view stamp;
    if (parse_stamp(rest, event.time, stamp, true) && (rest.empty() || rest.front() == ' ')) {
      if (!rest.empty()) rest.remove_prefix(1);
      std::string_view subsystem;
      const bool has_subsystem = parse_subsystem(rest, subsystem);
      // A "Z" stamp counts only with a [subsystem]: "...549Z open ws://..." is the ws client's
      // trace, not the gateway console reformatted.
      if (stamp.back() == 'Z' && !has_subsystem) return not_ours();
      event.time_text.assign(stamp);
      if (has_subsystem) event.subsystem.assign(subsystem);
      event.message.assign(rest);
      event.process = "openclaw";
      event.source = classify_source(event.process, {}, SourceKind::gateway);
      may_continue_ = event.subsystem.empty();
      return LineVerdict::record;
    }
    if (may_continue_ && open != nullptr && !trim(line).empty() && !looks_like_other_record(line)) {
      open->message.push_back('\n');
      open->message.append(line);
      return LineVerdict::continuation;
    }
    return not_ours();
  }

  // A refusal ends a record that may continue; without one only a stamp (digits) starts ours.
  bool may_start(std::string_view line) const override {
    return may_continue_ || starts_with_digit(line);
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits(); }

  void reset() override { may_continue_ = false; }

 private:
  // The previous line was ours, from a record without a subsystem: an unstamped line may
  // continue it.
  bool may_continue_ = false;

  LineVerdict not_ours() {
    may_continue_ = false;
    return LineVerdict::no_match;
  }
};

}  // namespace

void add_console_parser(ParserRegistry& registry) {
  registry.add(kConsoleInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<ConsoleParser>();
  });
}

}  // namespace logdx::openclaw
