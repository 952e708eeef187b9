#include "pm2/ansi.hpp"

namespace logdx::pm2 {
namespace {

// Applies the ';'-separated SGR parameters to the current foreground colour.
int apply_sgr(std::string_view params, int colour) {
  int value = 0;
  bool has_digit = false;
  auto apply = [&] {
    if (!has_digit) value = 0;
    if ((value >= 30 && value <= 37) || (value >= 90 && value <= 97)) colour = value;
    if (value == 39 || value == 0) colour = 0;
    value = 0;
    has_digit = false;
  };
  for (const char c : params) {
    if (c >= '0' && c <= '9') {
      if (value < 1000) value = value * 10 + (c - '0');
      has_digit = true;
    } else if (c == ';') {
      apply();
    }
  }
  apply();
  return colour;
}

}  // namespace

AnsiStripped strip_ansi(std::string_view line, std::string& buffer) {
  buffer.clear();
  buffer.reserve(line.size());
  int colour = 0;
  int prefix_colour = 0;
  bool seen_bar = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
      std::size_t j = i + 2;
      while (j < line.size() && static_cast<unsigned char>(line[j]) >= 0x20 &&
             static_cast<unsigned char>(line[j]) <= 0x3f) {
        ++j;
      }
      if (j < line.size() && line[j] == 'm')
        colour = apply_sgr(line.substr(i + 2, j - i - 2), colour);
      i = j < line.size() ? j + 1 : j;  // drop the final byte too (a cut escape: drop the rest)
      continue;
    }
    if (c == '|' && !seen_bar) {
      seen_bar = true;
      prefix_colour = colour;
    }
    buffer.push_back(c);
    ++i;
  }
  return {buffer, prefix_colour};
}

}  // namespace logdx::pm2
