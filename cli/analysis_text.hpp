#pragma once
// `analyze` text output for people: the verdict first, why, the lines that prove it (input:line
// and time), the fix commands ready to copy, the symptoms folded under the cause, optionally
// the timeline and host checks, and a line saying what was read. Log text is made
// terminal-safe; colour only when asked for; prose wrapped to the width, commands never.

#include <cstddef>
#include <string>

#include "analysis_report.hpp"

namespace logdx::cli {

class EvidenceContext;

struct TextStyle {
  bool color = false;
  std::size_t width = 0;  // 0: no limit (pipes); prose is wrapped, commands never
  const EvidenceContext* context = nullptr;  // --context: raw lines shown around evidence
};

std::string analysis_text(const AnalysisReport& report, const TextStyle& style);

// The parts shared with the Markdown printer: what was read, and ", A .. B" / ", at A" for
// when a diagnosis was seen ("" when its lines had no time).
std::string seen_span(const Diagnosis& d);
// One evidence line, "INDENT input:line  LINE\n": the line of the record the rule matched,
// fitted to the width with its message kept (below its location on a narrow terminal).
std::string evidence_text(const Evidence& e, const std::string& indent, const TextStyle& style);
// One fix as it is valid to copy (a `$ ` command, an edit "in FILE:", a step), with its why.
std::string fix_text(const RenderedFix& f, const std::string& indent, const TextStyle& style);
std::string read_summary(const std::vector<InputSummary>& inputs, const ReadStats& stats);

// --brief, and the pieces the full report shares with it (analysis_brief.cpp): the verdict
// when there is no finding (what was read when that was nothing), the --top note, and the
// --context lines under one evidence line ("" without --context).
std::string analysis_brief(const AnalysisReport& report, const TextStyle& style);
std::string verdict_when_empty(const AnalysisReport& report, const TextStyle& style);
std::string hidden_note(const AnalysisReport& report);
std::string context_text(const Evidence& e, const std::string& indent, const TextStyle& style);

// The optional sections (analysis_text_sections.cpp).
std::string timeline_text(const std::vector<TimelineEntry>& timeline, const TextStyle& style);
std::string host_text(const host::HostReport& host, const TextStyle& style);

}  // namespace logdx::cli
