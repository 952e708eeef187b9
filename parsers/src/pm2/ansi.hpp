#pragma once
// pm2 colours the `pm2 logs` prefixes even when stdout is not a tty. The reader strips ANSI
// before parsers see a line, but a parser must still cope with raw escapes, and when they are
// there the prefix colour says the stream: green = stdout, red = stderr, blue = PM2 itself.

#include <string>
#include <string_view>

namespace logdx::pm2 {

struct AnsiStripped {
  std::string_view text;  // the line without CSI escapes (a view into the caller's buffer)
  int prefix_colour = 0;  // SGR foreground (30..37, 90..97) in effect at the first '|', or 0
};

// Removes every CSI sequence (ESC '[' params final-byte) from `line` into `buffer`.
AnsiStripped strip_ansi(std::string_view line, std::string& buffer);

}  // namespace logdx::pm2
