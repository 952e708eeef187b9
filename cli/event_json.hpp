#pragma once
// The JSON-lines form of an Event that `logdx parse` prints (schema "logdx.event/1",
// documented in docs/events.md).

#include <string>

#include "logdx/parsers/event.hpp"

namespace logdx::cli {

// Appends one event as a single-line JSON object (no trailing newline).
void append_event_json(std::string& out, const Event& event);

}  // namespace logdx::cli
