#pragma once
// A note, warning or error about an input (a missing file, a folder without logs, a read that
// stopped), kept as data besides being printed on stderr, so `analyze -o json` carries it.

#include <cstdint>
#include <string>

namespace logdx::cli {

struct InputProblem {
  std::string severity;  // "note" | "warning" | "error"
  std::string input;
  std::uint64_t line = 0;  // 0 when not about one line
  std::string message;
};

}  // namespace logdx::cli
