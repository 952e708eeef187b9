#include "proxy/caddy_context.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <optional>

#include "core/ascii.hpp"
#include "proxy/proxy_text.hpp"

namespace logdx::proxy {
namespace {

namespace dom = simdjson::dom;

// A JSON scalar as text (numbers in their shortest round-trip form); nullopt for
// null, arrays and objects.
std::optional<std::string> scalar_text(const dom::element& value) {
  switch (value.type()) {
    case dom::element_type::STRING:
      return std::string(std::string_view(value));
    case dom::element_type::INT64:
      return fmt::format("{}", std::int64_t(value));
    case dom::element_type::UINT64:
      return fmt::format("{}", std::uint64_t(value));
    case dom::element_type::DOUBLE:
      return fmt::format("{}", double(value));
    case dom::element_type::BOOL:
      return std::string(bool(value) ? "true" : "false");
    default:
      return std::nullopt;
  }
}

// Empty strings ("user_id": "", "config_adapter": "") say nothing; leave them out.
void set_scalar(Event& event, std::string_view key, const dom::element& value) {
  if (auto text = scalar_text(value); text && !text->empty()) event.set_field(key, *text);
}

// The first value of a header ("User-Agent": ["curl/7.88.1"]), matched case-insensitively
// because Go canonicalises names but other writers may not.
std::string_view header_value(const dom::object& headers, std::string_view name) {
  for (auto [key, value] : headers) {
    if (!iequals_ascii(key, name)) continue;
    dom::array values;
    std::string_view first;
    if (value.get(values) == simdjson::SUCCESS && values.size() > 0 &&
        values.at(0).get(first) == simdjson::SUCCESS) {
      return first;
    }
    if (value.get(first) == simdjson::SUCCESS) return first;
  }
  return {};
}

std::string_view string_member(const dom::object& object, std::string_view key) {
  std::string_view text;
  if (object[key].get(text) != simdjson::SUCCESS) return {};
  return text;
}

void apply_request(const dom::object& request, Event& event) {
  std::string_view client = string_member(request, "client_ip");
  if (client.empty()) client = string_member(request, "remote_ip");
  if (!client.empty()) event.set_field("client", client);
  if (auto port = string_member(request, "remote_port"); !port.empty()) {
    event.set_field("client_port", port);
  }
  const std::string_view method = string_member(request, "method");
  const std::string_view uri = string_member(request, "uri");
  const std::string_view proto = string_member(request, "proto");
  if (!method.empty()) event.set_field("method", method);
  if (auto host = string_member(request, "host"); !host.empty()) event.set_field("host", host);
  if (!uri.empty()) event.set_field("path", uri);
  if (!proto.empty()) event.set_field("protocol", proto);
  if (!method.empty() && !uri.empty() && !proto.empty()) {
    // The same "GET / HTTP/1.1" nginx writes, so that rules can match either proxy.
    event.set_field("request", fmt::format("{} {} {}", method, uri, proto));
  }
  dom::object headers;
  if (request["headers"].get(headers) == simdjson::SUCCESS) {
    if (auto ua = header_value(headers, "User-Agent"); !ua.empty()) {
      event.set_field("user_agent", ua);
    }
    // A WebSocket upgrade request that failed is the interesting case for a gateway.
    if (auto upgrade = header_value(headers, "Upgrade"); !upgrade.empty()) {
      event.set_field("upgrade", upgrade);
    }
  }
}

constexpr std::array<std::string_view, 9> kEntryKeys = {
    "level", "ts", "logger", "msg", "caller", "stacktrace", "request", "resp_headers", "headers"};

bool is_entry_key(std::string_view key) {
  for (auto k : kEntryKeys) {
    if (k == key) return true;
  }
  return false;
}

}  // namespace

bool JsonObjectReader::parse(std::string_view text, simdjson::dom::object& out) {
  buffer_.assign(text);
  buffer_.resize(text.size() + simdjson::SIMDJSON_PADDING);
  dom::element root;
  if (parser_.parse(buffer_.data(), text.size(), false).get(root) != simdjson::SUCCESS) {
    return false;
  }
  return root.get(out) == simdjson::SUCCESS;
}

void apply_caddy_context(const dom::object& context, Event& event) {
  // Caddy entries carry a handful of keys; a cap keeps a crafted huge object linear.
  constexpr int kMaxKeys = 64;
  int seen = 0;
  for (auto [key, value] : context) {
    if (++seen > kMaxKeys) break;
    if (is_entry_key(key)) continue;
    set_scalar(event, key == "size" ? std::string_view("bytes") : key, value);
  }
  // The request goes last so that its names win over a stray top-level scalar of the same name.
  dom::object request;
  if (context["request"].get(request) == simdjson::SUCCESS) apply_request(request, event);
}

void set_upstream_from_message(Event& event) {
  if (event.field("upstream")) return;
  const std::string_view upstream = upstream_from_dial_error(event.message);
  if (!upstream.empty()) event.set_field("upstream", upstream);
}

}  // namespace logdx::proxy
