#pragma once
// The few ANSI styles the text output uses; all empty when colour is off.

#include <string>

#include "logdx/engine/severity.hpp"

namespace logdx::cli {

struct Palette {
  std::string bold, red, yellow, green, dim, reset;
  explicit Palette(bool on) {
    if (!on) return;
    bold = "\x1b[1m";
    red = "\x1b[31m";
    yellow = "\x1b[33m";
    green = "\x1b[32m";
    dim = "\x1b[2m";
    reset = "\x1b[0m";
  }
  // `block` (lines ending in '\n') in `style`, the reset before the last newline so the
  // colour never bleeds into what follows.
  std::string paint(const std::string& style, std::string block) const {
    if (style.empty() || block.empty()) return block;
    const bool newline = block.back() == '\n';
    if (newline) block.pop_back();
    return style + block + reset + (newline ? "\n" : "");
  }
  const std::string& for_severity(Severity s) const {
    return s >= Severity::error ? red : (s == Severity::warning ? yellow : dim);
  }
};

}  // namespace logdx::cli
