// Caddy v2's default JSON encoder (zap): one object per line with "level", "ts" (unix seconds
// float), "logger" (http.log.error, http.log.access.log0, tls, admin, ...), "msg" and the
// entry's context. Inside `docker logs` / compose / journal envelopes as often as on its own.

#include "core/line_shape.hpp"
#include "proxy/caddy_context.hpp"
#include "proxy/caddy_time.hpp"
#include "proxy/proxy_parsers.hpp"

namespace logdx::proxy {
namespace {

namespace dom = simdjson::dom;

const ParserInfo kCaddyJsonInfo{
    "caddy-json",
    "Caddy v2 JSON log: {\"level\",\"ts\",\"logger\",\"msg\",...} (runtime and access logs)",
    SourceKind::proxy, 40, true};

// Cheap refusal before simdjson: a Caddy entry is a single-line object with these keys.
bool looks_like_entry(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line.size() >= 2 && line.front() == '{' && line.back() == '}' &&
         line.find("\"level\"") != std::string_view::npos &&
         line.find("\"msg\"") != std::string_view::npos;
}

class CaddyJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kCaddyJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    if (!looks_like_entry(line)) return LineVerdict::no_match;
    dom::object entry;
    if (!reader_.parse(line, entry)) return LineVerdict::no_match;
    std::string_view level;
    std::string_view message;
    dom::element ts;
    if (entry["level"].get(level) != simdjson::SUCCESS ||
        entry["msg"].get(message) != simdjson::SUCCESS ||
        entry["ts"].get(ts) != simdjson::SUCCESS || !set_caddy_time(line, ts, event)) {
      return LineVerdict::no_match;
    }
    event.level = level_from_string(level);
    event.message.assign(message);
    std::string_view logger;
    if (entry["logger"].get(logger) == simdjson::SUCCESS) event.subsystem.assign(logger);
    event.process = "caddy";
    event.source = SourceKind::proxy;
    apply_caddy_context(entry, event);
    set_upstream_from_message(event);
    return LineVerdict::record;
  }

 private:
  JsonObjectReader reader_;
};

}  // namespace

void add_caddy_json_parser(ParserRegistry& registry) {
  registry.add(kCaddyJsonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<CaddyJsonParser>();
  });
}

}  // namespace logdx::proxy
