#pragma once
// ANSI / ECMA-48 escape sequence removal for pasted terminal output. Works on raw bytes:
// anything that is not an escape sequence, invalid UTF-8 included, is kept as it is.

#include <cstddef>
#include <string>
#include <string_view>

namespace logdx::paste {

// Length of the valid UTF-8 character starting at text[i] (1 for ASCII), or 0 when the
// bytes there are not a valid UTF-8 character (RFC 3629: no overlongs, no surrogates).
std::size_t utf8_char_length(std::string_view text, std::size_t i);

// Finds escape sequence starts: ESC bytes and 8-bit CSI bytes (0x9B) that are not a
// continuation byte of a valid UTF-8 character. Positions asked for must not decrease;
// each byte is looked at a bounded number of times, so a whole line costs O(n).
class EscapeFinder {
 public:
  explicit EscapeFinder(std::string_view text) : text_(text) {}
  // The first sequence start at or after `from`, or npos.
  std::size_t next(std::size_t from);

 private:
  std::string_view text_;
  std::size_t esc_ = 0;  // cached position of the next ESC (npos: none left)
  std::size_t c1_ = 0;   // cached position of the next stray 0x9B (npos: none left)
  bool esc_known_ = false;
  bool c1_known_ = false;
};

// Index just past the escape sequence that starts at text[start] (an ESC or a stray 0x9B).
// Truncated or malformed sequences end before the first byte that cannot belong to them, so
// that byte is kept; never reads past the end of text.
std::size_t escape_sequence_end(std::string_view text, std::size_t start);

// Whether text holds anything strip_ansi_into would remove.
inline bool has_escape(std::string_view text) {
  return EscapeFinder(text).next(0) != std::string_view::npos;
}

// Writes text without its escape sequences into out (replacing its content).
void strip_ansi_into(std::string_view text, std::string& out);

}  // namespace logdx::paste
