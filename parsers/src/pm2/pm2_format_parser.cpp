// `pm2 logs --format`: `timestamp=2026-03-05-08:20:25+0000 app=NAME id=N type=out|error
// message=TEXT` (timestamp= only with --timestamp, whose value is the dayjs format pm2 was given;
// `app=pm2` and no id/type for the daemon's lines; message unquoted to the end of the line).
// pm2-runtime --format prints the same on stdout, hence peelable.

#include <boost/spirit/home/x3.hpp>

#include "grammar/time.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kFormatInfo{
    "pm2-format", "`pm2 logs --format`: `timestamp=... app=NAME id=N type=out message=...`",
    SourceKind::pm2, 60, true};

struct FormatParts {
  std::string_view timestamp, app, id, type, message;
};

auto capture(std::string_view& out) {
  return [&out](auto& ctx) {
    auto& range = x3::_attr(ctx);
    out = std::string_view(range.begin(), static_cast<std::size_t>(range.size()));
  };
}

// Every line of the format starts with its first key.
bool starts_with_key(std::string_view line) {
  return line.starts_with("timestamp=") || line.starts_with("app=") || line.starts_with("type=") ||
         line.starts_with("message=");
}

bool parse_parts(std::string_view line, FormatParts& p) {
  // Cheap refusal first: peeling offers every message of every input to this parser.
  if (!starts_with_key(line)) return false;
  const auto value = x3::raw[+(x3::char_ - ' ')];
  const auto rule = -(x3::lit("timestamp=") >> value[capture(p.timestamp)] >> ' ') >>
                    -(x3::lit("app=") >> value[capture(p.app)] >> ' ' >>
                      -(x3::lit("id=") >> x3::raw[+x3::char_('0', '9')][capture(p.id)] >> ' ')) >>
                    -(x3::lit("type=") >> value[capture(p.type)] >> ' ') >> x3::lit("message=") >>
                    x3::raw[*x3::char_][capture(p.message)];
  const char* first = line.data();
  return x3::parse(first, line.data() + line.size(), rule);
}

// The stamp with an optional zone after it ("+0000", "+00:00", "Z": format token ZZ / Z).
void set_time(std::string_view value, Event& event) {
  std::string_view rest = value;
  std::string_view text;
  Timestamp time;
  if (!grammar::pm2_dash(rest, time, text) && !grammar::iso8601(rest, time, text)) return;
  int sign = 1;
  unsigned hours = 0, minutes = 0;
  const x3::uint_parser<unsigned, 10, 2, 2> d2;
  const auto set_sign = [&sign](auto& ctx) { sign = x3::_attr(ctx) == '-' ? -1 : 1; };
  const auto offset = x3::char_("+-")[set_sign] >>
                      d2[([&hours](auto& c) { hours = x3::_attr(c); })] >> -x3::lit(':') >>
                      d2[([&minutes](auto& c) { minutes = x3::_attr(c); })];
  const char* first = rest.data();
  const char* const last = rest.data() + rest.size();
  if (!rest.empty() && time.kind == TimeKind::local) {
    if (rest == "Z") {
      time.kind = TimeKind::utc;
    } else if (x3::parse(first, last, offset) && first == last && hours <= 23 && minutes <= 59) {
      time.nanos -= sign * static_cast<std::int64_t>(hours * 3600 + minutes * 60) * 1000000000;
      time.kind = TimeKind::utc;
    } else {
      return;
    }
  } else if (!rest.empty()) {
    return;
  }
  event.time = time;
  event.time_text.assign(value);
}

class FormatParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kFormatInfo; }

  bool may_start(std::string_view line) const override { return starts_with_key(line); }
  StartBytes start_bytes() const override { return StartBytes{}.add("tam"); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    FormatParts p;
    if (!parse_parts(line, p)) return LineVerdict::no_match;
    if (!p.timestamp.empty()) set_time(p.timestamp, event);
    if (p.app == "pm2") {
      set_daemon_identity(event);
      annotate_daemon_message(p.message, event);
    } else {
      set_app_origin(event, p.app, p.id, stream_from_type(p.type));
    }
    event.message.assign(p.message);
    return LineVerdict::record;
  }
};

}  // namespace

void register_format_parser(ParserRegistry& registry) {
  registry.add(kFormatInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<FormatParser>();
  });
}

}  // namespace logdx::pm2
