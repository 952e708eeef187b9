#pragma once
// Text from logs is never replayed raw to a terminal: escape sequences in a hostile log line
// could move the cursor, retitle the window or worse.

#include <string>
#include <string_view>

namespace logdx::cli {

// Replaces control characters (ESC, other C0 except tab, DEL, C1) with visible escapes ("\e",
// "\x07"); newline is kept only when `keep_newlines`.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

}  // namespace logdx::cli
