#pragma once
// What Caddy v2's JSON and console encoders share: the structured context of an entry (the
// whole object for the JSON encoder, the trailing `{...}` for the console encoder), read with
// simdjson into Event fields the same way for both.

#include <simdjson.h>

#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::proxy {

// Parses one line as a JSON object, reusing its parser and padded buffer across lines.
class JsonObjectReader {
 public:
  // False when `text` is not a single valid JSON object (then `out` is unspecified).
  bool parse(std::string_view text, simdjson::dom::object& out);

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

// Copies an entry's context into fields: the nested "request" (client, client_port, method,
// host, path, protocol, request, user_agent, upgrade), "status", "duration", "size" as
// "bytes", "err_id", "upstream", and every other top-level scalar under its own key. The
// entry keys level/ts/logger/msg/caller/stacktrace are left to the caller.
void apply_caddy_context(const simdjson::dom::object& context, Event& event);

// Sets "upstream" from a dial error in the message when the context did not name one.
void set_upstream_from_message(Event& event);

}  // namespace logdx::proxy
