#pragma once
// Small pieces the docker parsers share: Docker's fixed-width RFC 3339 nano stamp, and
// skipping / removing ANSI SGR colour escapes around compose prefixes.

#include <string>
#include <string_view>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::docker {

// Docker's RFC3339NanoFixed stamp at the front of `in` ("2026-02-10T15:05:10.123456000Z",
// exactly nine fraction digits, `Z` or `+hh:mm`): advances `in` past it and sets `out` and
// `text`; on failure `in` is unchanged. Nine digits is what tells it from an app's own stamp.
bool parse_nano_stamp(std::string_view& in, Timestamp& out, std::string_view& text);

// Length of the SGR escape (`ESC [ params m`) at the front of `in`, 0 if there is none.
std::size_t sgr_length(std::string_view in);

// `in` without any leading SGR escapes; `resets_only` skips only `ESC[0m` / `ESC[m` /
// `ESC[39m` (the end of a prefix colour), keeping colours that belong to the text after it.
std::string_view skip_sgr(std::string_view in, bool resets_only = false);

// `in` with every SGR escape removed (for docker's own lines, whose text is docker's).
std::string strip_sgr(std::string_view in);

// Leading and trailing spaces removed.
std::string_view trim_spaces(std::string_view in);

}  // namespace logdx::docker
