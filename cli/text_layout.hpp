#pragma once
// Fitting text output to where it goes: the width of the terminal (COLUMNS, else the tty's
// size; none for a pipe), prose wrapped at word boundaries, and lines that must stay whole
// (commands, log lines) cut rather than wrapped. Widths count UTF-8 characters, not bytes.

#include <cstddef>
#include <string>
#include <string_view>

namespace logdx::cli {

// COLUMNS when it is a number >= 20, else the size of the terminal on `fd`, else 0 (no limit:
// a pipe or a file gets whole lines, which grep and diff like best).
std::size_t output_width(int fd);

// Characters (UTF-8 code points) in `text`.
std::size_t display_width(std::string_view text);

// `text` wrapped at spaces to `width` columns: the first line starts after `first_prefix`,
// later ones after `indent`; every line ends with '\n'. width 0 = one line, as written. A
// word longer than the line is kept whole; runs of spaces between words become one.
std::string wrap(std::string_view text, std::size_t width, std::string_view first_prefix,
                 std::string_view indent);

// `text` cut to `width` columns with "..." at the end when longer (width 0 = whole).
std::string cut(std::string_view text, std::size_t width);

// A log line, `envelope` then `message`, fitted to `width` columns (0 = whole) so that the
// message survives: a line too long keeps its message and shortens its envelope (host, unit,
// pid, nested stamps) to the time as written (`time`, when the envelope holds it), "..." and
// as much of the envelope's end as fits; only a message longer than the line is cut, at its
// end. An empty envelope (the split is not known) cuts the line at its end.
std::string fit_log_line(std::string_view envelope, std::string_view message, std::string_view time,
                         std::size_t width);

}  // namespace logdx::cli
