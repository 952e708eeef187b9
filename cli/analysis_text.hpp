#pragma once
// `analyze` text output for people: the verdict first, why, the lines that prove it (input:line
// and time), the fix commands ready to copy, the symptoms folded under the cause, and a line
// saying what was read. Log text is made terminal-safe; colour only when asked for.

#include <string>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace logdx::cli {

struct TextStyle {
  bool color = false;
};

struct ReadStats {
  double seconds = 0;
};

std::string analysis_text(const AnalysisResult& result, const std::vector<InputSummary>& inputs,
                          const ReadStats& stats, const TextStyle& style);

}  // namespace logdx::cli
