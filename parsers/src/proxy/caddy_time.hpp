#pragma once
// Caddy v2's JSON "ts": a unix-seconds float by default, but `time_format` can make it unix
// millis / nanos or a formatted string (iso8601, rfc3339, wall, common_log).

#include <simdjson.h>

#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::proxy {

// Sets event.time and event.time_text (the stamp as written in `line`) from the "ts" value;
// false when it is not a time.
bool set_caddy_time(std::string_view line, const simdjson::dom::element& ts, Event& event);

}  // namespace logdx::proxy
