#pragma once
// `analyze -o markdown`: the analysis ready to paste into a GitHub issue or a chat. The verdict
// as a heading, facts, evidence and fixes in fenced blocks, folded symptoms, the timeline and
// host checks in <details>. Log text can never break out: prose is escaped (Markdown
// punctuation, HTML, @mentions), and every fence is longer than any backtick run it holds.

#include <string>
#include <string_view>

#include "analysis_report.hpp"

namespace logdx::cli {

std::string analysis_markdown(const AnalysisReport& report);

// Text safe inside a Markdown paragraph: one line, punctuation that Markdown or HTML would
// read escaped.
std::string markdown_inline(std::string_view text);

// A fenced code block around `body` (which ends with '\n'), with a fence of backticks longer
// than the longest run inside it.
std::string markdown_fence(std::string_view body, std::string_view info = "");

}  // namespace logdx::cli
