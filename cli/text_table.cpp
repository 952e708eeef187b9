#include "text_table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kMinElastic = 12;

// Display width, counting UTF-8 lead bytes only (good enough for log text and titles).
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string cut(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t shown = 0;
  for (char c : text) {
    const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (lead && shown + 3 >= width) break;
    if (lead) ++shown;
    out += c;
  }
  return out + "...";
}

}  // namespace

TextTable::TextTable(std::vector<std::string> headers, std::size_t elastic_column)
    : headers_(std::move(headers)), elastic_(elastic_column) {}

void TextTable::add_row(std::vector<std::string> cells) {
  for (auto& cell : cells) cell = terminal_safe(cell);
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::render(std::size_t width) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  const std::size_t total =
      std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + 2 * (widths.size() - 1);
  if (width > 0 && total > width && elastic_ < widths.size()) {
    const std::size_t others = total - widths[elastic_];
    widths[elastic_] = std::max(kMinElastic, width > others ? width - others : 0);
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string cell = cut(cells[c], widths[c]);
      text += cell;
      if (c + 1 < cells.size()) text += std::string(widths[c] - display_width(cell) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line(headers_);
  for (const auto& row : rows_) line(row);
  return out;
}

std::size_t output_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    const long value = std::strtol(columns, nullptr, 10);
    if (value >= 20 && value <= 1000) return static_cast<std::size_t>(value);
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) {
    return size.ws_col;
  }
  return 0;  // not a terminal: never cut (scripts and pagers get whole cells)
}

}  // namespace logdx::cli
