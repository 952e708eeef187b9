#pragma once
// `analyze` text output for people: the verdict first, why, the lines that prove it (input:line
// and time), the fix commands ready to copy, the symptoms folded under the cause, optionally
// the timeline and host checks, and a line saying what was read. Log text is made
// terminal-safe; colour only when asked for; prose wrapped to the width, commands never.

#include <cstddef>
#include <string>

#include "analysis_report.hpp"

namespace logdx::cli {

struct TextStyle {
  bool color = false;
  std::size_t width = 0;  // 0: no limit (pipes); prose is wrapped, commands never
};

std::string analysis_text(const AnalysisReport& report, const TextStyle& style);

// The parts shared with the Markdown printer: what was read, and ", A .. B" / ", at A" for
// when a diagnosis was seen ("" when its lines had no time).
std::string seen_span(const Diagnosis& d);
std::string read_summary(const std::vector<InputSummary>& inputs, const ReadStats& stats);

// The optional sections (analysis_text_sections.cpp).
std::string timeline_text(const std::vector<TimelineEntry>& timeline, const TextStyle& style);
std::string host_text(const host::HostReport& host, const TextStyle& style);

}  // namespace logdx::cli
