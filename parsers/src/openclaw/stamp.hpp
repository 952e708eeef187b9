#pragma once
// The stamp openclaw writes on its console and in `openclaw logs --plain`: RFC 3339 with exactly
// three fraction digits and a colon offset ("2026-11-25T04:42:36.549+00:00"). Requiring that
// exact shape keeps these parsers off rsyslog (6 digits), journalctl (+0000) and docker (Z).

#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::openclaw {

// Parses the stamp at the front of `in`; on success advances `in`, sets `out` and `text`.
// `allow_z` also takes "...36.549Z": a console line reformatted through JavaScript's
// Date#toISOString() (the caller must then ask for more of the line, since openclaw's own
// ws client trace writes that shape too).
bool parse_stamp(std::string_view& in, Timestamp& out, std::string_view& text,
                 bool allow_z = false);

// True when `line` starts like another envelope or a Node/V8 crash block (a timestamp of any
// shape, JSON, "[Gateway stderr]", "<--- Last few GCs --->", "    at ...", "node:..."): such a
// line never continues an openclaw record, even when it follows one without a stamp.
bool looks_like_other_record(std::string_view line);

// Drops leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace logdx::openclaw
