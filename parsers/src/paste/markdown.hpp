#pragma once
// The Markdown a log picks up when pasted into a GitHub issue or a chat: quote markers,
// code fences, bold labels and inline code spans. Pure functions on one line; the fence
// state lives in PasteCleaner.

#include <cstddef>
#include <optional>
#include <string_view>

namespace logdx::paste {

// Removes up to max_depth leading quote markers (">" with one optional space after it, so
// "> > x", ">> x" and ">x" all count) and returns how many were removed.
std::size_t strip_quote_markers(std::string_view& line, std::size_t max_depth);

struct Fence {
  char marker = '`';       // '`' or '~'
  std::size_t length = 3;  // how many markers opened it
};

// A fence opener: up to 3 spaces, 3+ backticks or tildes, then an optional info string
// (```bash); a backtick fence's info string holds no backtick (CommonMark), which keeps
// "```inline code```" out.
std::optional<Fence> opening_fence(std::string_view line);

// A closer of `open`: up to 3 spaces, at least open.length of the same marker, spaces only.
bool closes_fence(std::string_view line, Fence open);

// "`text`" (or "``text``") around the whole line -> "text", one padding space each side
// removed as CommonMark does. Returns false and leaves line alone otherwise.
bool strip_code_span(std::string_view& line);

// Where the "**" closing a leading "**label**" starts, or nullopt when the line does not
// start with a bold span (the label must not start or end with a space, nor start with '*').
std::optional<std::size_t> leading_bold_close(std::string_view line);

}  // namespace logdx::paste
