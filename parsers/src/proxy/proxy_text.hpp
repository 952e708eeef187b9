#pragma once
// Small text helpers shared by the proxy parsers (nginx and Caddy): HTTP status to level,
// ANSI colour removal for Caddy's coloured level words, and the upstream address Go's dialer
// names in its errors.

#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::proxy {

// 5xx error, 4xx warning, anything else info: a proxy's view of how a request went.
Level level_from_http_status(unsigned status);

// `text` without ANSI SGR sequences (ESC '[' params 'm'). The reader strips them before
// parsers see a line; Caddy's console encoder writes them even into files, so stay robust.
std::string strip_sgr(std::string_view text);

// The address in a Go dial error, "dial tcp 127.0.0.1:18789: connect: connection refused"
// -> "127.0.0.1:18789" ("[::1]:18789" kept as written); empty when there is none (e.g.
// "dial tcp: lookup gateway on 127.0.0.11:53: no such host").
std::string_view upstream_from_dial_error(std::string_view message);

// Splits an HTTP request line "GET /path HTTP/1.1" into its parts; false when it is not one
// (a "-" request, TLS bytes sent to a plain port, ...).
struct RequestLine {
  std::string_view method;
  std::string_view target;
  std::string_view protocol;
};
bool split_request_line(std::string_view request, RequestLine& out);

}  // namespace logdx::proxy
