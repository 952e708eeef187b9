// Caddy v2's console encoder (zap): "2026/03/05 08:20:25.123\tERROR\thttp.log.error\tmsg\t{...}",
// tab-separated: time, level (wrapped in ANSI colour even in files), the logger name when the
// entry has one, the message, and the context as a JSON object when there is any.

#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "core/line_shape.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"
#include "proxy/caddy_context.hpp"
#include "proxy/proxy_parsers.hpp"

namespace logdx::proxy {
namespace {

namespace x3 = boost::spirit::x3;
namespace dom = simdjson::dom;

const ParserInfo kCaddyConsoleInfo{
    "caddy-console",
    "Caddy v2 console log: YYYY/MM/DD HH:MM:SS.mmm<TAB>LEVEL<TAB>logger<TAB>msg<TAB>{json}",
    SourceKind::proxy, 60, true};

struct LevelParts {
  std::string_view word;
};
struct level_tag;

const auto set_word = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  x3::get<level_tag>(ctx).get().word = std::string_view(&*range.begin(), range.size());
};
// The level between tabs, possibly coloured: "\t\x1b[31mERROR\x1b[0m\t".
const auto sgr = x3::lit("\x1b[") >> *(grammar::ascii::digit | x3::char_(';')) >> x3::lit('m');
const auto level_rule = x3::lit('\t') >> *sgr >> x3::raw[+grammar::ascii::alpha][set_word] >>
                        *sgr >> (x3::lit('\t') | x3::eoi);

// zap's level names (CapitalColorLevelEncoder writes them upper-case).
bool is_zap_level(std::string_view word) {
  for (std::string_view name : {"DEBUG", "INFO", "WARN", "ERROR", "DPANIC", "PANIC", "FATAL",
                                "debug", "info", "warn", "error", "dpanic", "panic", "fatal"}) {
    if (word == name) return true;
  }
  return false;
}

// A zap logger name: "http.log.error", "tls.cache.maintenance", "admin" (no blanks).
bool is_logger_name(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '/';
    if (!ok) return false;
  }
  return true;
}

// A zap caller "reverseproxy/reverseproxy.go:1272" (only when the encoder was told to add it).
bool is_caller(std::string_view text) {
  const std::size_t go = text.find(".go:");
  return go != std::string_view::npos && text.find(' ') == std::string_view::npos;
}

class CaddyConsoleParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kCaddyConsoleInfo; }
  bool may_start(std::string_view line) const override { return starts_with_digit(line); }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view stamp;
    if (!grammar::slash_datetime(rest, event.time, stamp)) return LineVerdict::no_match;
    LevelParts parts;
    auto first = rest.begin();
    const auto grammar = x3::with<level_tag>(std::ref(parts))[level_rule];
    if (!x3::parse(first, rest.end(), grammar) || !is_zap_level(parts.word)) {
      return LineVerdict::no_match;
    }
    rest.remove_prefix(static_cast<std::size_t>(first - rest.begin()));
    event.time_text.assign(stamp);
    event.level = level_from_string(parts.word);
    event.process = "caddy";
    event.source = SourceKind::proxy;
    read_body(rest, event);
    return LineVerdict::record;
  }

 private:
  // Everything after the level: [logger\t][caller\t]message[\t{context}].
  void read_body(std::string_view body, Event& event) {
    std::string_view context;
    const std::size_t last_tab = body.rfind('\t');
    if (last_tab != std::string_view::npos && body.substr(last_tab + 1).starts_with('{')) {
      context = body.substr(last_tab + 1);
      body = body.substr(0, last_tab);
    }
    const std::size_t tab = body.find('\t');
    if (tab != std::string_view::npos && is_logger_name(body.substr(0, tab)) &&
        !is_caller(body.substr(0, tab))) {
      event.subsystem.assign(body.substr(0, tab));
      body.remove_prefix(tab + 1);
    }
    const std::size_t caller_tab = body.find('\t');
    if (caller_tab != std::string_view::npos && is_caller(body.substr(0, caller_tab))) {
      event.set_field("caller", body.substr(0, caller_tab));
      body.remove_prefix(caller_tab + 1);
    }
    event.message.assign(body);
    if (!context.empty()) {
      dom::object object;
      if (reader_.parse(context, object)) {
        apply_caddy_context(object, event);
      } else {
        event.set_field("context", context);  // cut or damaged: keep it rather than lose it
      }
    }
    set_upstream_from_message(event);
  }

  JsonObjectReader reader_;
};

}  // namespace

void add_caddy_console_parser(ParserRegistry& registry) {
  registry.add(kCaddyConsoleInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<CaddyConsoleParser>();
  });
}

}  // namespace logdx::proxy
