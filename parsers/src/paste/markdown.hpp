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

// "textFATAL ERROR: ...", "bashError: listen ...", "log2026-02-08T09:38:21.274Z ...",
// "json{...}": a fence's language tag (lower case, a known one) glued to the first log line
// when the paste lost the line end after "```" (and maybe the backticks too). Returns the
// tag's length when what follows starts like a record (a bracket or brace, a stamp, a month and
// day, a word in capitals, an error class and its colon), else 0: "logError: x" is a name only
// when no error class follows ("logMessage: x" stays), and "textbook" or "bash: x" stay.
std::size_t glued_language_tag(std::string_view line);

struct Fence {
  char marker = '`';       // '`' or '~'
  std::size_t length = 3;  // how many markers opened it
  // Spaces before the opener (0-3): CommonMark 4.5 removes up to that many from each content
  // line, so a fence indented under a list item holds the log as it was printed.
  std::size_t indent = 0;
  // Log text glued to the opener ("```Jun 30 13:25:13 host systemd[1]: ...", "```log 2026-...")
  // when the paste lost the line end after the fence; empty for a plain opener.
  std::string_view content;
};

// A fence opener: up to 3 spaces, 3+ backticks or tildes, then an optional info string
// (```bash); a backtick fence's info string holds no backtick (CommonMark), which keeps
// "```inline code```" out. An info string that is not a language tag (it has a blank, or
// starts with a digit, '[' or '{') is log text glued to the fence: it becomes `content`, after
// a leading language tag if there is one.
std::optional<Fence> opening_fence(std::string_view line);

// "text```" inside an open fence: the closer glued to the last log line. Returns the text
// before it (right-trimmed), or nullopt.
std::optional<std::string_view> glued_closer(std::string_view line, Fence open);

// Markup glued to one end of a log line only (the other end is on another line, or was cut
// by the paste): a leading or trailing "**", a leading or trailing run of one or two
// backticks, each with no partner in the line. Returns whether anything was removed.
bool strip_one_sided_markup(std::string_view& line);

// A Markdown list marker ("- ", "* ", "+ ", "12. ", "3) ") in front of text that starts like a
// log record (a digit, '[', '{', or a month name and a day) or that is one whole inline code
// span ("- `error text`"). Returns whether it was removed; list items of prose keep their
// marker.
bool strip_list_marker(std::string_view& line);

// Cheap test for the fast path: whether a line starting with a digit may be a numbered item.
bool may_be_numbered_item(std::string_view line);

// A closer of `open`: up to 3 spaces, at least open.length of the same marker, spaces only.
bool closes_fence(std::string_view line, Fence open);

// "`text`" (or "``text``") around the whole line -> "text", one padding space each side
// removed as CommonMark does; sentence punctuation after the closing run ("`text`.") goes
// with it. Returns false and leaves line alone otherwise.
bool strip_code_span(std::string_view& line);

// "_text_", "__text__" or "*text*" (Markdown emphasis) around the whole line -> "text", as
// people quote a one-line error in prose; sentence punctuation after the closing marker goes
// with it. Underscores inside the text (paths, names) stay. No blank may touch the markers
// on their inner side (CommonMark flanking), so "* item" and "_ x _" are left alone.
bool strip_emphasis_span(std::string_view& line);

// Where the "**" closing a leading "**label**" starts, or nullopt when the line does not
// start with a bold span (the label must not start or end with a space, nor start with '*').
std::optional<std::size_t> leading_bold_close(std::string_view line);

}  // namespace logdx::paste
