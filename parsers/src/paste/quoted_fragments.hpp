#pragma once
// An error quoted inside a sentence: people paste the one line that matters into their prose
// ("the gateway died with `FATAL ERROR: Reached heap limit ...` after an hour", `i have issue
// with "Error: listen EADDRINUSE: address already in use :::3000"`). Rules anchor at the start
// of a message, so that a chat message or a log field that quotes an error is not the error;
// the quoted text is handed to them as a record of its own instead (PasteCleaner::next_glued),
// with the sentence around it kept as it was.

#include <string_view>
#include <vector>

namespace logdx::paste {

// The quoted fragments of one line outside a code fence, in line order (views into `line`, put
// in `out`), when the line is a sentence: after a list item's marker (and a nested item's
// indentation), it starts with two words of letters (a contraction such as "We're" is one; a
// capitalised name and a version may stand before the second, "OpenClaw 2026.2.2 Docker"),
// with Chinese, Japanese or Korean text (no blanks between words there), or with an issue
// form's label such as "Problem: " or "Actual behavior: " that is no log level nor error class.
// Not a stamp, a tag or a pm2 `0|app |` prefix, whose messages may hold commands in backticks
// or fields in quotes.
// - Markdown inline code spans (`...`, ``...``) of at least kMinQuotedFragment bytes holding a
//   blank or a colon (a command name or a path alone is no record);
// - quoted text ("...", “...”, '...' or ‘...’) of that size holding a blank, that opens after a
//   blank, '(' or ':' with no '=' before it in the line (never `key="..."` nor a record's
//   fields) and closes before a blank, punctuation or the line's end; a single quote is also an
//   apostrophe, so it opens only before a non-blank and closes only after one ("can't" and
//   "users'" neither open nor close one);
// - Markdown emphasis (*...*, **...**) of that size holding a blank or a colon, opening and
//   closing as a single quote does.
// A span that is one quote as a whole (`**"pairing required"**`) gives the quoted text.
// A fragment in a question (its sentence ends with '?') is none: a question asks about what it
// quotes, a report states it. A fragment the sentence says is over ("no more `X`", "I no longer
// get "X"", "the `X` error is gone") is none either, and goes to `denied` (with its quotes)
// so the caller can take it out of the sentence too: the sentence would match it unquoted.
// `out` and `denied` are cleared first; the caller keeps them from line to line, so a line
// without quotes allocates nothing.
void quoted_fragments(std::string_view line, std::vector<std::string_view>& out,
                      std::vector<std::string_view>& denied);

inline constexpr std::size_t kMinQuotedFragment = 12;

// A line that is one double-quoted phrase ("..." or “...”) of at least kMinQuotedFragment bytes
// holding a blank, sentence punctuation after it allowed: someone's quote of the error set
// apart (`> "Temporary failure in name resolution".`). Unwraps it as strip_code_span unwraps a
// line that is one code span; returns false and leaves line alone otherwise.
// Also a whole log record a person wrapped in double quotes: the quote is followed at once by
// the record's date and time ("2020/05/09 13:53:05 [error] ... host: "x""), and the line ends
// with the closing quote (sentence punctuation after it allowed). The record may hold quotes of
// its own, even as its last character: only the outer pair is taken off.
bool strip_whole_line_quote(std::string_view& line);
bool strip_whole_record_quote(std::string_view& line);

}  // namespace logdx::paste
