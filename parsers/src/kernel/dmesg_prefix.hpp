#pragma once
// The pieces of a dmesg line in front of the kernel's text: the `<N>` syslog priority of
// `dmesg -r`, the `kern  :warn  : ` facility/level of `dmesg -x`, and the bracketed stamp
// (seconds since boot, or ctime with `-T`). Each function reads at the front of `in`; on
// success it advances `in` and returns true, on failure `in` is unchanged.

#include <string_view>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::kernel {

// `<6>`, `<30>` (facility * 8 + level), up to the largest syslog value 191.
bool parse_priority_prefix(std::string_view& in, int& priority);

// `kern  :info  : `: a known facility and level word, each padded before its colon.
bool parse_decode_prefix(std::string_view& in, std::string_view& facility, std::string_view& level);
// A cheap necessary condition of parse_decode_prefix: a facility name, blanks, a colon.
bool may_start_decode_prefix(std::string_view in);

// Which bracketed stamps a dmesg rendering may carry.
enum class StampShapes { monotonic, ctime, either };

// `[ 1187.204511]` or `[Thu Mar  5 08:06:13 2026]`; `text` is what the shared grammar gives:
// the monotonic stamp with its brackets, the ctime stamp without them.
bool parse_bracket_stamp(std::string_view& in, StampShapes shapes, Timestamp& out,
                         std::string_view& text);

// A userspace writer's `ident[pid]: ` at the front of a /dev/kmsg message (journald, etc.).
bool parse_ident_pid(std::string_view& in, std::string_view& ident, long long& pid);

// True when a message after a `[ secs] ` stamp starts with `host kernel: ` or
// `host ident[pid]: `: that is journalctl -o short-monotonic, not dmesg.
bool looks_like_journal_host_ident(std::string_view message);

// Syslog facility code to the name dmesg -x prints ("kern", "user", "daemon", ...).
std::string_view facility_name(int code);

}  // namespace logdx::kernel
