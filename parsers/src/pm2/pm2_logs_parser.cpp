// `pm2 logs`: a `[TAILING]` banner, then per file a `PATH last N lines:` header and its lines
// behind a padded `id|name | ` (name cut to 10 columns with the id) or `PM2 | ` prefix, a blank
// line, then live lines with the full name (optionally after a `--timestamp` stamp). The header's
// path tells the tail lines' full app name and stream, so the parser remembers it until the blank
// line that ends the section. The app's own text is the message (peeled later).

#include <boost/spirit/home/x3.hpp>
#include <string>

#include "grammar/time.hpp"
#include "pm2/ansi.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kLogsInfo{"pm2-logs",
                           "`pm2 logs` stream: `0|app | text`, `PM2 | text`, tail section headers",
                           SourceKind::pm2, 60, true};

struct Prefix {
  bool is_pm2 = false;
  std::string_view id;
  std::string_view name;  // trimmed
  std::string_view body;
};

auto capture(std::string_view& out) {
  return [&out](auto& ctx) {
    auto& range = x3::_attr(ctx);
    out = std::string_view(range.begin(), static_cast<std::size_t>(range.size()));
  };
}

// `PM2   | body` or `12|name   | body`; pm2 always writes " | " after the padded name.
bool parse_prefix(std::string_view line, Prefix& out) {
  std::string_view id, padded, body;
  const char* first = line.data();
  const char* const last = line.data() + line.size();
  const auto tail = x3::lit('|') >> -x3::lit(' ') >> x3::raw[*x3::char_][capture(body)];
  if (x3::parse(first, last, x3::lit("PM2") >> +x3::lit(' ') >> tail)) {
    out = {true, {}, "PM2", body};
    return true;
  }
  first = line.data();
  if (!x3::parse(first, last,
                 x3::raw[+x3::char_('0', '9')][capture(id)] >> '|' >>
                     x3::raw[+(x3::char_ - '|')][capture(padded)] >> tail)) {
    return false;
  }
  if (padded.back() != ' ') return false;
  const auto end = padded.find_last_not_of(' ');
  if (end == std::string_view::npos) return false;
  out = {false, id, padded.substr(0, end + 1), body};
  return true;
}

// What a `PATH last N lines:` header says about the lines under it.
struct Section {
  bool active = false;
  bool daemon = false;  // ~/.pm2/pm2.log
  std::string app;
  std::string_view stream;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `<app>-out.log`, `<app>-error.log`, `<app>-out-<id>.log` (cluster) -> app and stream.
Section section_from_path(std::string_view path) {
  Section section;
  section.active = true;
  const auto slash = path.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base == "pm2.log") {
    section.daemon = true;
    return section;
  }
  if (!ends_with(base, ".log")) return section;
  base.remove_suffix(4);
  const auto digits = base.find_last_not_of("0123456789");
  if (digits != std::string_view::npos && digits + 1 < base.size() && base[digits] == '-') {
    base = base.substr(0, digits);  // cluster instance suffix
  }
  for (const auto& [suffix, stream] :
       {std::pair<std::string_view, std::string_view>{"-out", "stdout"},
        {"-error", "stderr"},
        {"-err", "stderr"}}) {
    if (ends_with(base, suffix) && base.size() > suffix.size()) {
      section.app.assign(base.substr(0, base.size() - suffix.size()));
      section.stream = stream;
      break;
    }
  }
  return section;
}

// `/home/u/.pm2/logs/x-out.log last 15 lines:` -> the path, or empty.
std::string_view header_path(std::string_view line) {
  if (!ends_with(line, " lines:")) return {};
  std::string_view head = line.substr(0, line.size() - 7);
  const auto digits = head.find_last_not_of("0123456789");
  if (digits == std::string_view::npos || digits + 1 == head.size()) return {};
  head = head.substr(0, digits + 1);
  if (!ends_with(head, " last ")) return {};
  const std::string_view path = head.substr(0, head.size() - 6);
  if (path.empty() || path.find_first_of("/\\") == std::string_view::npos) return {};
  return path;
}

std::string_view stream_from_colour(int colour) {
  if (colour == 32 || colour == 92) return "stdout";
  if (colour == 31 || colour == 91) return "stderr";
  return {};
}

class LogsParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kLogsInfo; }
  void reset() override { section_ = {}; }

  // Every record is behind a prefix ending in '|' (colours may hide it); the lines that change
  // the section state are blank, the banner or a header. Anything else is refused unchanged.
  bool may_start(std::string_view line) const override {
    return line.find('|') != std::string_view::npos ||
           line.find('\x1b') != std::string_view::npos ||
           line.find_first_not_of(" \t") == std::string_view::npos ||
           line.starts_with("[TAILING] ") || ends_with(line, " lines:");
  }
  // A '|' or colour code anywhere, blanks, "[TAILING]", or the colon of "... N lines:".
  StartBytes start_bytes() const override { return StartBytes{}.add(" \t[").add_held("|\x1b:"); }

  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override {
    int colour = 0;
    if (line.find('\x1b') != std::string_view::npos) {
      const AnsiStripped stripped = strip_ansi(line, ansi_buffer_);
      line = stripped.text;
      colour = stripped.prefix_colour;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      mark_if_empty_section(open);
      section_ = {};  // the blank line that closes a tail section
      return LineVerdict::skip;
    }
    if (line.substr(0, 10) == "[TAILING] ") {
      section_ = {};
      return LineVerdict::skip;
    }
    if (const auto path = header_path(line); !path.empty()) {
      mark_if_empty_section(open);
      section_ = section_from_path(path);
      return app_section_header(line, path, event);
    }
    return parse_prefixed(line, colour, event);
  }

 private:
  // The header of an app's own log is an event: an app that pm2 reports `online` but whose
  // log section is empty never ran its code (pm2's default interpreter on openclaw's launcher).
  LineVerdict app_section_header(std::string_view line, std::string_view path, Event& event) {
    if (section_.daemon || section_.app.empty()) return LineVerdict::skip;
    event.message.assign(line);
    event.source = SourceKind::pm2;
    event.process = "PM2";
    event.app = section_.app;
    event.set_field("log_section", section_.stream);
    event.set_field("log_path", path);
    return LineVerdict::record;
  }

  // A header (or the blank line closing the tail) right after an app's header: that section
  // was empty. The open record is still that header only when no line came in between.
  static void mark_if_empty_section(Event* open) {
    if (open != nullptr && open->field("log_section")) open->set_field("section_empty", "true");
  }

  LineVerdict parse_prefixed(std::string_view line, int colour, Event& event) {
    // `--timestamp` puts the reader's clock before live lines: "2026-03-05-08:20:25 " by
    // default, any dayjs format when given one (ISO-like ones are understood too).
    std::string_view rest = line;
    Timestamp time;
    std::string_view stamp;
    if ((grammar::pm2_dash(rest, time, stamp) || grammar::iso8601(rest, time, stamp)) &&
        !rest.empty() && rest.front() == ' ') {
      rest.remove_prefix(1);
    } else {
      rest = line;
      stamp = {};
    }
    Prefix prefix;
    if (!parse_prefix(rest, prefix)) return LineVerdict::no_match;
    if (!stamp.empty()) {
      event.time = time;
      event.time_text.assign(stamp);
    }
    if (prefix.is_pm2) return fill_daemon(prefix.body, event);
    fill_app(prefix, colour, event);
    return LineVerdict::record;
  }

  // Tail lines repeat pm2.log (`STAMP: PM2 log: text`), live lines carry the bare text.
  static LineVerdict fill_daemon(std::string_view body, Event& event) {
    switch (parse_daemon_body(body, true, event)) {
      case DaemonBody::rule:
        return LineVerdict::skip;
      case DaemonBody::message:
        return LineVerdict::record;
      case DaemonBody::none:
        break;
    }
    event.message.assign(body);
    set_daemon_identity(event);
    annotate_daemon_message(body, event);
    return LineVerdict::record;
  }

  void fill_app(const Prefix& prefix, int colour, Event& event) const {
    std::string_view app = prefix.name;
    std::string_view stream = stream_from_colour(colour);
    if (section_.active && !section_.daemon) {
      // The tail cuts "id|name" to 10 columns: the header's path has the full name.
      if (!section_.app.empty() && section_.app.substr(0, app.size()) == app) app = section_.app;
      if (stream.empty()) stream = section_.stream;
    }
    set_app_origin(event, app, prefix.id, stream);
    event.message.assign(prefix.body);
  }

  Section section_;
  std::string ansi_buffer_;
};

}  // namespace

void register_logs_parser(ParserRegistry& registry) {
  registry.add(kLogsInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<LogsParser>();
  });
}

}  // namespace logdx::pm2
