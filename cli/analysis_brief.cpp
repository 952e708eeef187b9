// The short forms of the text report: `--brief` (one block per finding, like `k8sgpt
// analyze`: the cause, one line of proof, the first fix) and `--context N`'s raw lines around
// evidence. Kept apart from analysis_text.cpp, which prints the full report.

#include <fmt/format.h>

#include "analysis_text.hpp"
#include "evidence_context.hpp"
#include "terminal_text.hpp"
#include "text_layout.hpp"
#include "text_palette.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kLineWidth = 160;  // a log line cut for reading on a pipe

std::size_t room(const TextStyle& style, std::size_t used) {
  if (style.width == 0) return kLineWidth;
  return style.width > used + 20 ? style.width - used : 20;
}

std::string first_line(std::string_view text) {
  return terminal_safe(text.substr(0, text.find('\n')));
}

void append_brief(std::string& out, const Diagnosis& d, const TextStyle& style, const Palette& p) {
  out += p.paint(p.bold + p.for_severity(d.severity),
                 wrap(terminal_safe(d.title), style.width, fmt::format("{}. ", d.rank), "   "));
  out += wrap(fmt::format("{}, cause {}, seen {} time{}{}", to_string(d.severity), d.cause, d.count,
                          d.count == 1 ? "" : "s", seen_span(d)),
              style.width, "   ", "     ");
  if (!d.evidence.empty()) {
    const Evidence& e = d.evidence.front();
    const std::string where = fmt::format("   {}:{}  ", terminal_safe(e.input), e.line);
    out += where + cut(first_line(e.text), room(style, display_width(where))) + "\n";
  }
  if (!d.fixes.empty()) {
    out += fix_text(d.fixes.front(), "   ", style);
  }
}

}  // namespace

std::string analysis_brief(const AnalysisReport& report, const TextStyle& style) {
  const Palette p(style.color);
  std::string out;
  const auto& diagnoses = report.result.diagnoses;
  if (diagnoses.empty()) out += verdict_when_empty(report, style);
  for (std::size_t i = 0; i < diagnoses.size(); ++i) {
    if (i > 0) out += "\n";
    append_brief(out, diagnoses[i], style, p);
  }
  out += hidden_note(report);
  out += "\n" + wrap(read_summary(report.inputs, report.stats), style.width, "", "  ");
  return out;
}

std::string verdict_when_empty(const AnalysisReport& report, const TextStyle& style) {
  if (report.nothing_read.message.empty()) return "No problem found.\n";
  return wrap(terminal_safe(report.nothing_read.message), style.width, "", "  ");
}

std::string hidden_note(const AnalysisReport& report) {
  if (report.hidden == 0) return {};
  return fmt::format("\n{} more finding{} not shown (--top {}).\n", report.hidden,
                     report.hidden == 1 ? "" : "s", report.result.diagnoses.size());
}

std::string context_text(const Evidence& e, const std::string& indent, const TextStyle& style) {
  if (style.context == nullptr) return {};
  const ContextLines* context = style.context->around(e.input, e.matched_line());
  if (context == nullptr) return {};
  const std::string under = indent + "  ";
  if (!context->unavailable.empty()) {
    return wrap(fmt::format("(no context: {})", terminal_safe(context->unavailable)), style.width,
                under, under);
  }
  std::string out;
  for (const auto& [number, text] : context->lines) {
    const std::string head =
        fmt::format("{}{} {:>6}  ", under, number == e.matched_line() ? '>' : '|', number);
    out += head + cut(terminal_safe(text), room(style, display_width(head))) + "\n";
  }
  return out;
}

}  // namespace logdx::cli
