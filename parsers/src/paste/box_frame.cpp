// All the characters involved are three UTF-8 bytes starting with 0xE2:
//   U+2500-U+257F box drawing  E2 94 80 - E2 95 BF   (│ E2 94 82, ┃ E2 94 83, ║ E2 95 91)
//   U+25C6 ◆ / U+25C7 ◇        E2 97 86 / E2 97 87   (clack step symbols)

#include "paste/box_frame.hpp"

#include <array>

namespace logdx::paste {
namespace {

constexpr std::size_t kCharBytes = 3;
constexpr std::size_t kMaxFramePadding = 2;  // clack's gutter is "│  "
constexpr std::array<std::string_view, 3> kVerticalBars = {"\u2502", "\u2503", "\u2551"};
// Symbols clack puts before a title or a message, followed by two spaces.
constexpr std::array<std::string_view, 4> kClackSymbols = {"\u25C7", "\u25C6", "\u250C", "\u2514"};

bool is_box_char_at(std::string_view text, std::size_t i) {
  if (i >= text.size() || text.size() - i < kCharBytes || text[i] != '\xE2') return false;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  const auto third = static_cast<unsigned char>(text[i + 2]);
  return (second == 0x94 || second == 0x95) && (third & 0xC0) == 0x80;
}

bool starts_with_any(std::string_view text, const auto& prefixes) {
  for (std::string_view p : prefixes) {
    if (text.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool ends_with_any(std::string_view text, const auto& suffixes) {
  for (std::string_view s : suffixes) {
    if (text.size() >= s.size() && text.substr(text.size() - s.size()) == s) return true;
  }
  return false;
}

bool holds_vertical_bar(std::string_view text) {
  for (std::string_view bar : kVerticalBars) {
    if (text.find(bar) != std::string_view::npos) return true;
  }
  return false;
}

std::string_view trim_right(std::string_view text) {
  const std::size_t end = text.find_last_not_of(' ');
  return end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1);
}

std::string_view trim_left(std::string_view text, std::size_t at_most) {
  std::size_t n = 0;
  while (n < at_most && n < text.size() && text[n] == ' ') ++n;
  return text.substr(n);
}

bool only_box_chars(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
    } else if (is_box_char_at(text, i)) {
      i += kCharBytes;
    } else {
      return false;
    }
  }
  return true;
}

// "│  text  │" -> "text"; "│ a │ b │" (a table row) -> none.
Frame one_column_frame(std::string_view framed) {
  std::string_view inner = trim_right(framed.substr(kCharBytes));
  if (ends_with_any(inner, kVerticalBars)) {
    inner = trim_right(inner.substr(0, inner.size() - kCharBytes));
  }
  if (holds_vertical_bar(inner)) return {};
  if (inner.empty()) return {FrameVerdict::decoration, {}};
  // "│ └─openclaw.service" is a branch of a tree (systemctl status CGroup), not a frame.
  if (is_box_char_at(inner, inner.find_first_not_of(' '))) return {};
  return {FrameVerdict::content, trim_left(inner, kMaxFramePadding)};
}

// "◇  Config ────╮" is a section title (decoration); "└  Doctor complete." carries a message.
Frame clack_line(std::string_view line) {
  std::string_view rest = line.substr(kCharBytes);
  if (rest.substr(0, 2) != "  ") return {};
  rest = trim_right(rest.substr(2));
  if (rest.empty()) return {FrameVerdict::decoration, {}};
  std::size_t rule_start = rest.size();
  while (rule_start >= kCharBytes && is_box_char_at(rest, rule_start - kCharBytes)) {
    rule_start -= kCharBytes;
  }
  const bool ruled = rest.size() - rule_start >= 2 * kCharBytes;
  if (ruled) return {FrameVerdict::decoration, {}};
  return {FrameVerdict::content, rest};
}

}  // namespace

Frame unframe(std::string_view line) {
  const std::size_t lead = line.find_first_not_of(' ');
  if (lead == std::string_view::npos || line[lead] != '\xE2') return {};
  const std::string_view text = line.substr(lead);
  if (only_box_chars(text)) return {FrameVerdict::decoration, {}};
  if (starts_with_any(text, kVerticalBars)) return one_column_frame(text);
  if (starts_with_any(text, kClackSymbols)) return clack_line(text);
  return {};
}

}  // namespace logdx::paste
