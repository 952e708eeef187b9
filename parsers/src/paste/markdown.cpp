#include "paste/markdown.hpp"

namespace logdx::paste {
namespace {

constexpr std::size_t kMaxFenceIndent = 3;

// Skips up to 3 spaces; returns false if the line is indented further (a code block, not a fence).
bool skip_fence_indent(std::string_view& line) {
  std::size_t spaces = 0;
  while (spaces < line.size() && line[spaces] == ' ') ++spaces;
  if (spaces > kMaxFenceIndent) return false;
  line.remove_prefix(spaces);
  return true;
}

std::size_t count_leading(std::string_view line, char c) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == c) ++n;
  return n;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

std::size_t strip_quote_markers(std::string_view& line, std::size_t max_depth) {
  std::size_t depth = 0;
  while (depth < max_depth && !line.empty() && line.front() == '>') {
    line.remove_prefix(1);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    ++depth;
  }
  return depth;
}

std::optional<Fence> opening_fence(std::string_view line) {
  if (!skip_fence_indent(line) || line.empty()) return std::nullopt;
  const char marker = line.front();
  if (marker != '`' && marker != '~') return std::nullopt;
  const std::size_t length = count_leading(line, marker);
  if (length < 3) return std::nullopt;
  if (marker == '`' && line.find('`', length) != std::string_view::npos) return std::nullopt;
  return Fence{marker, length};
}

bool closes_fence(std::string_view line, Fence open) {
  if (!skip_fence_indent(line)) return false;
  const std::size_t length = count_leading(line, open.marker);
  return length >= open.length && is_blank(line.substr(length));
}

bool strip_code_span(std::string_view& line) {
  const std::size_t ticks = count_leading(line, '`');
  if (ticks == 0 || line.size() <= 2 * ticks) return false;
  std::string_view inner = line.substr(ticks, line.size() - 2 * ticks);
  // The closing run must be exactly as long as the opening one and not touch inner ticks.
  if (line.substr(line.size() - ticks) != line.substr(0, ticks)) return false;
  if (inner.front() == '`' || inner.back() == '`') return false;
  if (inner.find(line.substr(0, ticks)) != std::string_view::npos) return false;
  if (inner.size() >= 2 && inner.front() == ' ' && inner.back() == ' ' && !is_blank(inner)) {
    inner = inner.substr(1, inner.size() - 2);
  }
  if (is_blank(inner)) return false;
  line = inner;
  return true;
}

std::optional<std::size_t> leading_bold_close(std::string_view line) {
  if (line.size() < 5 || line[0] != '*' || line[1] != '*') return std::nullopt;
  if (line[2] == '*' || line[2] == ' ') return std::nullopt;
  const std::size_t close = line.find("**", 3);
  if (close == std::string_view::npos || line[close - 1] == ' ') return std::nullopt;
  return close;
}

}  // namespace logdx::paste
