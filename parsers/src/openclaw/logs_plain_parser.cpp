// `openclaw logs --plain`: "<ISO ms +hh:mm> <level> [<subsystem>] <message>", a header
// "Log file: <path>" (skipped), and multi-line messages whose later lines carry no stamp (a
// forwarded `openclaw status` table): those continue the open record, blank lines included.
//
// The subsystem column is left out for lines that had none, so it is told from the message
// by shape: a lowercase name ("gateway", "gateway/ws", "gmail-watcher") followed by a space.
// A message that itself starts with such a word ("gateway connect failed: ...") is misread as
// having a subsystem; the text is still all there.

#include <boost/spirit/home/x3.hpp>

#include "core/line_shape.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/take.hpp"
#include "openclaw/file_log_reader.hpp"
#include "openclaw/openclaw_parsers.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kLogsPlainInfo{
    "openclaw-logs-plain",
    "openclaw logs --plain: 2026-11-25T04:42:41.892+00:00 info gateway message",
    SourceKind::gateway, 65, true};

const auto level_word =
    x3::raw[x3::lit("trace") | x3::lit("debug") | x3::lit("info") | x3::lit("warn") |
            x3::lit("error") | x3::lit("fatal") | x3::lit("silly")] >>
    (x3::lit(' ') | x3::eoi);
const auto name_part = grammar::ascii::lower >>
                       *(grammar::ascii::lower | grammar::ascii::digit | x3::char_("_-"));
const auto subsystem_word = x3::raw[name_part >> *(x3::char_('/') >> name_part)] >> x3::lit(' ');
// 2026.1.24-7.33 echo the logger's binding before the message, `{"subsystem":"gateway/ws"} `
// (dropped in 8.2): it is no part of the message, and rules read a message from its start.
const auto subsystem_echo =
    x3::raw[x3::lit("{\"subsystem\":\"") >> *(x3::char_ - x3::char_("\"\n")) >> x3::lit("\"} ")];

using grammar::take;

class LogsPlainParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kLogsPlainInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override {
    std::string_view rest = line;
    std::string_view stamp;
    std::string_view level;
    // 2026.1.24-3.8 print UTC with `Z`; a `Z` stamp is taken only with the subsystem echo
    // those versions print after it, which docker's and rsyslog's Z stamps never have.
    const bool offset = parse_stamp(rest, event.time, stamp);
    if (!offset) rest = line;
    if ((offset || parse_stamp(rest, event.time, stamp, true)) && !rest.empty() &&
        rest.front() == ' ') {
      rest.remove_prefix(1);
      if (!take(rest, level_word, level)) return refuse();
      event.time_text.assign(stamp);
      event.level = level_from_string(level);
      std::string_view subsystem;
      if (take(rest, subsystem_word, subsystem)) event.subsystem.assign(subsystem);
      std::string_view echo;
      if (!take(rest, subsystem_echo, echo) && !offset) return refuse();
      read_message(rest, event);
      in_record_ = true;
      return LineVerdict::record;
    }
    if (line.substr(0, 10) == "Log file: ") return LineVerdict::skip;
    if (in_record_ && open != nullptr && !looks_like_other_record(line)) {
      open->message.push_back('\n');
      open->message.append(line);
      return LineVerdict::continuation;
    }
    return refuse();
  }

  // A refusal ends an open record; without one only a stamp (digits) or the "Log file: "
  // banner is ours.
  bool may_start(std::string_view line) const override {
    return in_record_ || starts_with_digit(line) || line.starts_with("Log file: ");
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits().add("L"); }

  void reset() override { in_record_ = false; }

 private:
  LineVerdict refuse() {
    in_record_ = false;
    return LineVerdict::no_match;
  }

  // An empty message is printed as the raw file-log line; take its (empty) message from it.
  void read_message(std::string_view rest, Event& event) {
    event.process = "openclaw";
    event.source = SourceKind::gateway;
    Event inner;
    if (!rest.empty() && rest.front() == '{' && raw_reader_.read(rest, inner)) {
      event.message = inner.message;
      event.host = inner.host;
      return;
    }
    event.message.assign(rest);
  }

  bool in_record_ = false;
  FileLogReader raw_reader_;
};

}  // namespace

void add_logs_plain_parser(ParserRegistry& registry) {
  registry.add(kLogsPlainInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<LogsPlainParser>();
  });
}

}  // namespace logdx::openclaw
