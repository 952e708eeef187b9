// The wrap heuristics. A break is accepted only when both sides agree: the message before it
// is cut (an open quote or bracket, or it ends on a word without closing punctuation) and the
// line after it cannot start a record (no indentation, no "Word:" label, and a lower-case or
// quote start unless a quote is still open). Pure functions on views: nothing is allocated.

#include "core/soft_wrap.hpp"

#include "core/line_shape.hpp"

namespace logdx::wrap {
namespace {

// Shorter lines were not wrapped: an issue body or a terminal breaks at ~70-80 columns, and
// word wrapping moves at most one long word down.
constexpr std::size_t kMinWrappedWidth = 50;
// Nor were longer ones, unless a quoted field is still open: every piece of a line broken at
// a column is at most that wide, and nobody wraps wider than a wide terminal.
constexpr std::size_t kMaxWrapColumn = 132;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string_view last_line(std::string_view text) {
  const auto nl = text.rfind('\n');
  return nl == std::string_view::npos ? text : text.substr(nl + 1);
}

// An odd number of double quotes, or more '(' / '[' than their closers: the line stopped
// inside a quoted or bracketed field (nginx's `upstream: "http://...`).
bool has_open_field(std::string_view line) {
  bool in_quote = false;
  int parens = 0;
  int brackets = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_quote = !in_quote;
    } else if (!in_quote) {
      parens += c == '(' ? 1 : c == ')' ? -1 : 0;
      brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
    }
  }
  return in_quote || parens > 0 || brackets > 0;
}

// Ends on a word or a joiner (",", "-", "=") rather than on closing punctuation, a number or a
// path ("... code: 400", "port 3000", "ws://host:1/" end messages as often as a full stop).
bool ends_mid_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line.empty()) return false;
  const char c = line.back();
  return is_lower(c) || (c >= 'A' && c <= 'Z') || c == ',' || c == '-' || c == '=' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "error: x", "Error: x", "TypeError: x", "x.service: y", "[x] y", "{...", "at f (x.js:1)": how
// records that carry no time of their own begin. A first word ending in ':' is a label (a
// level, an error name, a unit); a URL's "http:" is inside its word and continues a line.
bool starts_like_record(std::string_view next) {
  const char c = next.front();
  if (c == '[' || c == '{' || c == '<' || c == '#' || c == '>' || c == '$') return true;
  if (next.substr(0, 3) == "at ") return true;
  const std::size_t end = next.find_first_of(" \t");
  const std::string_view first = next.substr(0, end);
  return first.size() >= 2 && first.back() == ':';
}

bool starts_like_continuation(std::string_view next) {
  const char c = next.front();
  return is_lower(c) || c == '\'' || c == '"' || c == '(' || c == ',' || c == '.';
}

}  // namespace

bool is_terminal_width(std::size_t width) {
  return width == kNarrowestTerminal || width == 100 || width == 120 || width == 132 ||
         width == 160 || width == 200 || width == 250;
}

std::optional<std::string_view> separator(std::string_view message, std::size_t last_line_width,
                                          std::string_view next, std::string_view raw_record) {
  if (next.empty() || next.front() == '\t') return std::nullopt;
  if (last_line_width < kMinWrappedWidth) return std::nullopt;
  const std::string_view before = last_line(message);
  if (before.empty()) return std::nullopt;
  // A format that takes a quoted value as the message (logrus's msg="...") drops its opening
  // quote: the physical lines still show it open (only quotes are read there).
  const bool open = has_open_field(before) || has_open_quote(raw_record);
  if (next.front() == ' ') {
    // An editor that breaks "word word" before the space moves the space down: the line
    // after starts with exactly one. Inside a quoted field still open that is the rest of
    // the value; anywhere else an indented line is a record's body (frames, status fields).
    const bool one_space = next.size() > 1 && next[1] != ' ' && next[1] != '\t';
    if (!open || !one_space || !is_lower(next[1])) return std::nullopt;
    return std::string_view();
  }
  if (!open) {
    if (last_line_width > kMaxWrapColumn || next.size() > kMaxWrapColumn ||
        !ends_mid_sentence(before) || !starts_like_continuation(next) || starts_like_record(next)) {
      return std::nullopt;
    }
  } else if (next.substr(0, 3) == "at " || starts_like_record(next)) {
    return std::nullopt;
  }
  const char last = before.back();
  if (is_terminal_width(last_line_width) || last == '"' || last == '(' || last == '[' ||
      last == ' ') {
    return std::string_view();
  }
  return std::string_view(" ");
}

}  // namespace logdx::wrap
