#pragma once
// What systemd's own messages say about a unit, read from the message text: the unit a
// "<unit>: Main process exited, ..." or "Started <unit> - Description." line is about, and the
// exit code / signal / result it reports. Shared by the short-line, JSON and status parsers so
// that one event looks the same whichever envelope it came in.

#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::journal {

// True for a systemd unit name: "name.service", "docker-<id>.scope", "user@1000.service", ...
bool is_unit_name(std::string_view text);

// The unit a systemd manager message is about, or empty: "openclaw-gateway.service: Failed
// with result 'oom-kill'." and "Started openclaw-gateway.service - OpenClaw Gateway." both give
// "openclaw-gateway.service".
std::string_view systemd_subject_unit(std::string_view message);

// Sets exit_code / signal / exit_status / result / restart_counter fields from a systemd
// message ("code=exited, status=1/FAILURE", "Failed with result 'oom-kill'", "restart counter
// is at 5"); leaves the event alone when the message says none of these.
void extract_systemd_fields(std::string_view message, Event& event);

// Reads "code=exited, status=1/FAILURE" / "code=killed, signal=KILL" / "status=9/KILL" found
// anywhere in `text` into the exit fields. Returns whether anything was found.
bool extract_exit_fields(std::string_view text, Event& event);

// True when the identifier / comm names a service manager (systemd, PID 1, launchd).
bool is_manager_process(std::string_view process);

}  // namespace logdx::journal
