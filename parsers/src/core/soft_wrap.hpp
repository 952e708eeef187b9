#pragma once
// Lines that a terminal, an editor or an issue body broke at ~70-80 columns, and that were
// pasted with the break as a real line end: "... Start request repeated too" / "quickly.".
// The second half has no envelope of its own; this decides, from the text alone, whether it
// reads as the rest of the record before it (the RecordJoiner checks stream and time).

#include <cstddef>
#include <optional>
#include <string_view>

namespace logdx::wrap {

// What to put between the record's message and `next` when `next` continues it: "" when the
// break fell inside a token (at an exact terminal width, or right after an opening quote),
// " " when it replaced the space between two words ("" too when `next` kept that space: one
// leading space inside a quoted field still open). nullopt when `next` is not a
// continuation: it is indented, looks like a record of its own ("Error: ...", "warn: ..."),
// or the message before it reads as complete. `last_line_width` is the display width of the
// record's last physical line: a wrapped line is long; `raw_record` is the record's physical
// lines as read (a field the parser unquoted into the message may be open only there; read
// whole, since a quote opened on a line the record already joined closes on a later one).
std::optional<std::string_view> separator(std::string_view message, std::size_t last_line_width,
                                          std::string_view next, std::string_view raw_record = {});

// Whether `width` is a common terminal width, at which a terminal breaks inside a word.
bool is_terminal_width(std::size_t width);
// The narrowest of them: no narrower width is one.
inline constexpr std::size_t kNarrowestTerminal = 80;

}  // namespace logdx::wrap
