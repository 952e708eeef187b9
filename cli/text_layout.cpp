#include "text_layout.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace logdx::cli {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

// Byte offset where the first `columns` characters of `text` end.
std::size_t byte_offset(std::string_view text, std::size_t columns) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (continuation_byte(text[i])) continue;
    if (chars == columns) return i;
    ++chars;
  }
  return text.size();
}

// The fewest columns an envelope is shortened to before the message itself is cut.
constexpr std::size_t kEllipsisWidth = 4;  // "... "

// The end of `rest` that fits in `room` columns, starting at a word (a run of spaces that
// pads a column is not a word).
std::string_view fitting_tail(std::string_view rest, std::size_t room) {
  std::size_t start = rest.size();
  for (std::size_t i = rest.size(); i-- > 0;) {
    if (rest[i] != ' ' || i + 1 >= rest.size() || rest[i + 1] == ' ') continue;
    if (display_width(rest.substr(i + 1)) > room) break;
    start = i + 1;
  }
  return rest.substr(start);
}

// `envelope` in at most `room` columns: the time as written, "...", the envelope's end.
std::string shorten_envelope(std::string_view envelope, std::string_view time, std::size_t room) {
  if (display_width(envelope) <= room) return std::string(envelope);
  const std::size_t at = time.empty() ? std::string_view::npos : envelope.find(time);
  const std::string head = at == std::string_view::npos ? "..." : std::string(time) + " ...";
  if (display_width(head) + 1 > room) return "... ";
  const std::string_view rest =
      at == std::string_view::npos ? envelope : envelope.substr(at + time.size());
  const std::string_view tail = fitting_tail(rest, room - display_width(head) - 1);
  return head + " " + std::string(tail);
}

}  // namespace

std::size_t output_width(int fd) {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (*end == '\0' && value >= 20 && value <= 10000) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (isatty(fd) != 0 && ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
    return size.ws_col;
  }
  return 0;
}

std::size_t display_width(std::string_view text) {
  std::size_t chars = 0;
  for (char c : text) chars += continuation_byte(c) ? 0 : 1;
  return chars;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view first_prefix,
                 std::string_view indent) {
  std::string out(first_prefix);
  if (width == 0) return out + std::string(text) + "\n";  // as written, spaces and all
  std::size_t column = display_width(first_prefix);
  bool line_empty = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t space = text.find(' ', pos);
    const std::string_view word =
        text.substr(pos, space == std::string_view::npos ? text.npos : space - pos);
    pos = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    const std::size_t w = display_width(word);
    if (!line_empty && width > 0 && column + 1 + w > width) {
      out += '\n';
      out += indent;
      column = display_width(indent);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    line_empty = false;
  }
  out += '\n';
  return out;
}

std::string cut(std::string_view text, std::size_t width) {
  if (width == 0 || display_width(text) <= width) return std::string(text);
  if (width <= 3) return std::string(text.substr(0, byte_offset(text, width)));
  return std::string(text.substr(0, byte_offset(text, width - 3))) + "...";
}

std::string fit_log_line(std::string_view envelope, std::string_view message, std::string_view time,
                         std::size_t width) {
  const std::string whole = std::string(envelope) + std::string(message);
  if (width == 0 || display_width(whole) <= width) return whole;
  if (envelope.empty()) return cut(whole, width);
  const std::size_t message_width = display_width(message);
  if (message_width + kEllipsisWidth <= width) {
    return shorten_envelope(envelope, time, width - message_width) + std::string(message);
  }
  // The message alone is too long: the time as written (when it takes at most half the
  // line) and "...", then as much of the message as fits.
  const std::string head =
      shorten_envelope(envelope, time, display_width(time) + kEllipsisWidth + 1);
  const std::string shown = display_width(head) * 2 <= width ? head : "... ";
  return cut(shown + std::string(message), width);
}

}  // namespace logdx::cli
