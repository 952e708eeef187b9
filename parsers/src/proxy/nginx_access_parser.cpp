// nginx's access_log in the `combined` and `common` formats (also what Apache and Caddy v1
// write): `ip - user [05/Mar/2026:08:20:25 +0000] "GET /path HTTP/1.1" 502 157 "ref" "ua"`.
// The line is the message; the request's parts and the status are fields, and the status
// sets the level (a 502 is the proxy telling that its upstream is down).

#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"
#include "proxy/proxy_parsers.hpp"
#include "proxy/proxy_text.hpp"

namespace logdx::proxy {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kNginxAccessInfo{"nginx-access",
                                  "nginx access log (combined / common): ip - user "
                                  "[dd/Mon/YYYY:HH:MM:SS +0000] \"GET / HTTP/1.1\" "
                                  "status bytes",
                                  SourceKind::proxy, 55, true};

struct AccessParts {
  std::string_view client, user, request, bytes, referer, user_agent;
  unsigned status = 0;
  bool has_agent = false;
};
struct access_tag;

template <typename Member>
auto text_into(Member member) {
  return [member](auto& ctx) {
    auto& range = x3::_attr(ctx);
    const char* begin = range.begin() == range.end() ? nullptr : &*range.begin();
    x3::get<access_tag>(ctx).get().*member = std::string_view(begin, range.size());
  };
}
const auto set_status = [](auto& ctx) { x3::get<access_tag>(ctx).get().status = x3::_attr(ctx); };
const auto set_has_agent = [](auto& ctx) { x3::get<access_tag>(ctx).get().has_agent = true; };

const auto word = +(x3::char_ - ' ');
// nginx writes a quote inside a value as \x22, Apache as \": either way no bare quote.
const auto quoted_body = *((x3::lit('\\') >> x3::char_) | (x3::char_ - '"'));
const x3::uint_parser<unsigned, 10, 3, 3> status_digits;

// "127.0.0.1 - user [" (the stamp itself is read by the shared clf grammar).
const auto head_rule =
    x3::raw[word][text_into(&AccessParts::client)] >> x3::lit(' ') >> word
    >> x3::lit(' ') >> x3::raw[word][text_into(&AccessParts::user)] >> x3::lit(" [");
// `] "GET / HTTP/1.1" 502 157` and, for combined, ` "referer" "user agent"`; custom formats
// often append more after that, which stays in the message only.
const auto tail_rule =
    x3::lit("] \"") >> x3::raw[quoted_body][text_into(&AccessParts::request)] >>
    x3::lit("\" ") >> status_digits[set_status] >> x3::lit(' ') >>
    x3::raw[+grammar::ascii::digit | x3::lit('-')][text_into(&AccessParts::bytes)] >>
    -(x3::lit(" \"") >> x3::raw[quoted_body][text_into(&AccessParts::referer)] >>
      x3::lit("\" \"") >> x3::raw[quoted_body][text_into(&AccessParts::user_agent)] >>
      x3::lit('"')[set_has_agent]) >>
    (x3::eoi | x3::lit(' '));

template <typename Rule>
bool run(std::string_view& rest, const Rule& rule, AccessParts& parts) {
  auto first = rest.begin();
  const auto grammar = x3::with<access_tag>(std::ref(parts))[rule];
  if (!x3::parse(first, rest.end(), grammar)) return false;
  rest.remove_prefix(static_cast<std::size_t>(first - rest.begin()));
  return true;
}

void set_unless_dash(Event& event, std::string_view key, std::string_view value) {
  if (!value.empty() && value != "-") event.set_field(key, value);
}

void fill_fields(const AccessParts& parts, Event& event) {
  event.set_field("client", parts.client);
  set_unless_dash(event, "user", parts.user);
  set_unless_dash(event, "request", parts.request);
  RequestLine request;
  if (split_request_line(parts.request, request)) {
    event.set_field("method", request.method);
    event.set_field("path", request.target);
    event.set_field("protocol", request.protocol);
  }
  event.set_field("status", std::to_string(parts.status));
  set_unless_dash(event, "bytes", parts.bytes);
  if (parts.has_agent) {
    set_unless_dash(event, "referer", parts.referer);
    set_unless_dash(event, "user_agent", parts.user_agent);
  }
}

class NginxAccessParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kNginxAccessInfo; }

  // "client - user [stamp] ...": the stamp's '[' follows a blank. Stateless.
  bool may_start(std::string_view line) const override {
    for (std::size_t at = line.find('['); at != std::string_view::npos;
         at = line.find('[', at + 1)) {
      if (at > 0 && line[at - 1] == ' ') return true;
    }
    return false;
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_held("["); }  // " [time]"

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    AccessParts parts;
    std::string_view rest = line;
    std::string_view stamp;
    if (!run(rest, head_rule, parts) || !grammar::clf(rest, event.time, stamp) ||
        !run(rest, tail_rule, parts) || parts.status < 100 || parts.status > 599) {
      return LineVerdict::no_match;
    }
    event.time_text.assign(stamp);
    event.level = level_from_http_status(parts.status);
    event.process = "nginx";
    event.source = SourceKind::proxy;
    event.message.assign(line);
    fill_fields(parts, event);
    return LineVerdict::record;
  }
};

}  // namespace

void add_nginx_access_parser(ParserRegistry& registry) {
  registry.add(kNginxAccessInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<NginxAccessParser>();
  });
}

}  // namespace logdx::proxy
