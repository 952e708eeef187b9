// Caddy v1 (0.x/1.x, before the zap logger): the process log is Go's standard logger,
// "2026/03/05 08:20:25 [ERROR] 502 /ws: dial tcp ...", "... [INFO] Reloading"; the `errors`
// directive writes "[ERROR 502 /ws] dial tcp ..." after a common-log stamp
// ("05/Mar/2026:08:20:25 +0000 [ERROR 502 /ws] ..."), a Go log stamp, or nothing at all,
// and recovered panics as "[PANIC /path] value". v1's access log is the common log format,
// which the nginx-access parser reads.

#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "core/line_shape.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"
#include "proxy/proxy_parsers.hpp"
#include "proxy/proxy_text.hpp"

namespace logdx::proxy {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kCaddyV1Info{
    "caddy-v1",
    "Caddy v1 log: YYYY/MM/DD HH:MM:SS [ERROR] ..., [ERROR 502 /path] error (errors directive)",
    SourceKind::proxy, 50, true};

struct V1Parts {
  std::string_view level, path;
  unsigned status = 0;
};
struct v1_tag;

template <typename Member>
auto text_into(Member member) {
  return [member](auto& ctx) {
    auto& range = x3::_attr(ctx);
    const char* begin = range.begin() == range.end() ? nullptr : &*range.begin();
    x3::get<v1_tag>(ctx).get().*member = std::string_view(begin, range.size());
  };
}
const auto set_status = [](auto& ctx) { x3::get<v1_tag>(ctx).get().status = x3::_attr(ctx); };

const x3::uint_parser<unsigned, 10, 3, 3> status_digits;
const auto path_text = x3::raw[x3::char_('/') >> *(x3::char_ - x3::lit("] "))];
// "[ERROR 502 /ws] " from the errors directive.
const auto error_rule = x3::lit('[') >> x3::raw[x3::lit("ERROR")][text_into(&V1Parts::level)] >>
                        x3::lit(' ') >> status_digits[set_status] >> x3::lit(' ') >>
                        path_text[text_into(&V1Parts::path)] >> x3::lit("] ");
// "[PANIC /path] " from its recovery handler.
const auto panic_rule = x3::lit('[') >> x3::raw[x3::lit("PANIC")][text_into(&V1Parts::level)] >>
                        x3::lit(' ') >> path_text[text_into(&V1Parts::path)] >> x3::lit("] ");
// "[INFO] " and friends: Go's log with a level word in brackets.
const auto level_rule = x3::lit('[') >>
                        x3::raw[+grammar::ascii::upper][text_into(&V1Parts::level)] >>
                        x3::lit("] ");
// "502 /ws: dial tcp ..." at the start of a process-log error.
const auto status_path_rule =
    status_digits[set_status] >> x3::lit(' ') >>
    x3::raw[x3::char_('/') >> *(x3::char_ - x3::lit(": "))][text_into(&V1Parts::path)] >> x3::lit(
                                                                                              ": ");

template <typename Rule>
bool run(std::string_view& rest, const Rule& rule, V1Parts& parts) {
  auto first = rest.begin();
  const auto grammar = x3::with<v1_tag>(std::ref(parts))[rule];
  if (!x3::parse(first, rest.end(), grammar)) return false;
  rest.remove_prefix(static_cast<std::size_t>(first - rest.begin()));
  return true;
}

bool is_v1_level(std::string_view word) {
  for (std::string_view name : {"INFO", "NOTICE", "WARNING", "WARN", "ERROR", "DEBUG", "FATAL"}) {
    if (word == name) return true;
  }
  return false;
}

// A leading stamp, Go's "2026/03/05 08:20:25" or the common-log one, then one blank.
bool read_stamp(std::string_view& rest, Event& event) {
  std::string_view probe = rest;
  std::string_view stamp;
  Timestamp time;
  if ((grammar::slash_datetime(probe, time, stamp) || grammar::clf(probe, time, stamp)) &&
      probe.starts_with(' ')) {
    event.time = time;
    event.time_text.assign(stamp);
    rest = probe.substr(1);
    return true;
  }
  return false;
}

class CaddyV1Parser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kCaddyV1Info; }

  // A stamp (slash or common-log: digits first) or "[ERROR " / "[PANIC " first.
  bool may_start(std::string_view line) const override {
    return starts_with_digit(line) || (!line.empty() && line.front() == '[');
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits().add("["); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    const bool stamped = read_stamp(rest, event);
    V1Parts parts;
    if (run(rest, error_rule, parts) || run(rest, panic_rule, parts)) {
      event.level = parts.level == "PANIC" ? Level::critical : Level::error;
    } else if (stamped && run(rest, level_rule, parts) && is_v1_level(parts.level)) {
      event.level = level_from_string(parts.level);
      std::string_view probe = rest;
      run(probe, status_path_rule, parts);  // optional: the status and path, if written
    } else {
      return LineVerdict::no_match;
    }
    event.process = "caddy";
    event.source = SourceKind::proxy;
    event.message.assign(rest);
    if (parts.status != 0) event.set_field("status", std::to_string(parts.status));
    if (!parts.path.empty()) event.set_field("path", parts.path);
    const std::string_view upstream = upstream_from_dial_error(rest);
    if (!upstream.empty()) event.set_field("upstream", upstream);
    return LineVerdict::record;
  }
};

}  // namespace

void add_caddy_v1_parser(ParserRegistry& registry) {
  registry.add(kCaddyV1Info, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<CaddyV1Parser>();
  });
}

}  // namespace logdx::proxy
