// Escape sequence grammar (ECMA-48 / what xterm-compatible terminals accept):
//   CSI  ESC '[' or 0x9B, parameter bytes 0x30-0x3F*, intermediates 0x20-0x2F*, final 0x40-0x7E
//   OSC, DCS, SOS, PM, APC  ESC ']' 'P' 'X' '^' '_' ... terminated by BEL or ESC '\'
//   nF   ESC, intermediates 0x20-0x2F+, final 0x30-0x7E (charset selection "ESC ( B" from tput)
//   Fp/Fe/Fs  ESC + one byte 0x30-0x7E (ESC 7, ESC M, ESC c)
// The 8-bit CSI byte 0x9B is also a UTF-8 continuation byte ("ě" is C4 9B, "Λ" is CE 9B), so
// it only counts as CSI where it is not inside a valid UTF-8 character.

#include "paste/ansi.hpp"

#include <cstring>

namespace logdx::paste {
namespace {

constexpr unsigned char kEsc = 0x1B;
constexpr unsigned char kC1Csi = 0x9B;
constexpr unsigned char kBel = 0x07;
constexpr std::size_t kNone = std::string_view::npos;

unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

std::size_t find_byte(std::string_view text, unsigned char b, std::size_t from) {
  if (from >= text.size()) return kNone;
  const void* hit = std::memchr(text.data() + from, b, text.size() - from);
  return hit == nullptr ? kNone
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

// UTF-8 resynchronises at every non-continuation byte, so the character holding the
// continuation byte at i (if any) starts at the nearest such byte among the 3 before it.
bool inside_utf8_char(std::string_view text, std::size_t i) {
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    if (!is_continuation(byte_at(text, i - back))) {
      return utf8_char_length(text, i - back) > back;
    }
  }
  return false;
}

std::size_t csi_end(std::string_view text, std::size_t i) {
  const std::size_t n = text.size();
  while (i < n && byte_at(text, i) >= 0x30 && byte_at(text, i) <= 0x3F) ++i;
  while (i < n && byte_at(text, i) >= 0x20 && byte_at(text, i) <= 0x2F) ++i;
  if (i < n && byte_at(text, i) >= 0x40 && byte_at(text, i) <= 0x7E) return i + 1;
  return i;  // truncated, or a byte no CSI may hold: keep that byte
}

// OSC and the other control strings. Unterminated ones lose only their introducer: a
// terminal would swallow the rest, but the rest may be the log text we are after.
std::size_t control_string_end(std::string_view text, std::size_t body) {
  for (std::size_t i = body; i < text.size(); ++i) {
    const unsigned char b = byte_at(text, i);
    if (b == kBel) return i + 1;
    if (b == kEsc) {
      if (i + 1 < text.size() && text[i + 1] == '\\') return i + 2;
      return i;  // an ESC cancels the string and starts the next sequence
    }
  }
  return body;
}

}  // namespace

std::size_t utf8_char_length(std::string_view text, std::size_t i) {
  const unsigned char lead = byte_at(text, i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() - i < length) return 0;
  const unsigned char second = byte_at(text, i + 1);
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(byte_at(text, i + k))) return 0;
  }
  return length;
}

std::size_t EscapeFinder::next(std::size_t from) {
  if (!esc_known_ || (esc_ != kNone && esc_ < from)) {
    esc_ = find_byte(text_, kEsc, from);
    esc_known_ = true;
  }
  if (!c1_known_ || (c1_ != kNone && c1_ < from)) {
    c1_ = find_byte(text_, kC1Csi, from);
    c1_known_ = true;
  }
  // Only stray 0x9B bytes before the next ESC matter now; later ones are checked later.
  while (c1_ != kNone && c1_ < esc_ && inside_utf8_char(text_, c1_)) {
    c1_ = find_byte(text_, kC1Csi, c1_ + 1);
  }
  return c1_ < esc_ ? c1_ : esc_;
}

std::size_t escape_sequence_end(std::string_view text, std::size_t start) {
  if (byte_at(text, start) == kC1Csi) return csi_end(text, start + 1);
  const std::size_t n = text.size();
  if (start + 1 >= n) return n;  // a lone ESC ending the line
  const unsigned char kind = byte_at(text, start + 1);
  if (kind == '[') return csi_end(text, start + 2);
  if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
    return control_string_end(text, start + 2);
  }
  if (kind >= 0x20 && kind <= 0x2F) {
    std::size_t i = start + 2;
    while (i < n && byte_at(text, i) >= 0x20 && byte_at(text, i) <= 0x2F) ++i;
    if (i < n && byte_at(text, i) >= 0x30 && byte_at(text, i) <= 0x7E) return i + 1;
    return i;
  }
  if (kind >= 0x30 && kind <= 0x7E) return start + 2;
  return start + 1;  // ESC before a control or non-ASCII byte: drop the ESC, keep the byte
}

void strip_ansi_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  EscapeFinder finder(text);
  std::size_t pos = 0;
  for (std::size_t start = finder.next(0); start != kNone; start = finder.next(pos)) {
    out.append(text.substr(pos, start - pos));
    pos = escape_sequence_end(text, start);
  }
  out.append(text.substr(pos));
}

}  // namespace logdx::paste
