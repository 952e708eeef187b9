#pragma once
// The part of a syslog / journalctl short line after its timestamp: " host ident[pid]: message".
// Shared by every stamp shape (BSD, ISO, monotonic, unix, weekday) so that one grammar decides
// what an identifier may look like, and by systemctl-status for its journal tail.

#include <cstdint>
#include <optional>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::journal {

struct SyslogTail {
  std::string_view host;
  std::string_view ident;  // syslog identifier, or the unit for journalctl -o with-unit
  std::optional<std::int64_t> pid;
  std::string_view label;  // macOS launchd "(ai.openclaw.gateway[48211])": the job label
  std::optional<std::int64_t> label_pid;
  std::string_view message;  // after ": " (one space removed; further indentation kept)
};

// Parses `in` (which starts right after the stamp, at the space before the host). False when
// the text is not " host ident[pid]: ..." shaped; `out` is then unspecified.
bool parse_syslog_tail(std::string_view in, SyslogTail& out);

// Fills host, process, pid, unit, message, source and the systemd/kernel fields of `event`
// from a parsed tail. `ident_is_unit` is set for journalctl -o with-unit, whose ident column
// holds the unit ("init.scope", "user@1000.service/openclaw-gateway.service").
void fill_from_tail(const SyslogTail& tail, bool ident_is_unit, Event& event);

}  // namespace logdx::journal
