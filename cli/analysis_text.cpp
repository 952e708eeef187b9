#include "analysis_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analysis_json.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kEvidenceWidth = 160;  // long lines are cut for reading, JSON has them whole

struct Palette {
  std::string bold, red, yellow, dim, reset;
  explicit Palette(bool on) {
    if (!on) return;
    bold = "\x1b[1m";
    red = "\x1b[31m";
    yellow = "\x1b[33m";
    dim = "\x1b[2m";
    reset = "\x1b[0m";
  }
  const std::string& for_severity(Severity s) const {
    return s >= Severity::error ? red : (s == Severity::warning ? yellow : dim);
  }
};

std::string one_line(std::string_view text) {
  std::string first(text.substr(0, text.find('\n')));
  std::string safe = terminal_safe(first);
  if (safe.size() > kEvidenceWidth) safe = safe.substr(0, kEvidenceWidth - 3) + "...";
  const auto extra = std::count(text.begin(), text.end(), '\n');
  if (extra > 0) safe += fmt::format(" (+{} lines)", extra);
  return safe;
}

std::string span_text(const Diagnosis& d) {
  const std::string first = contract_time(d.first_seen, d.first_seen_text);
  const std::string last = contract_time(d.last_seen, d.last_seen_text);
  if (first.empty()) return {};
  if (last.empty() || last == first) return fmt::format(", at {}", first);
  return fmt::format(", {} .. {}", first, last);
}

void append_evidence(std::string& out, const Diagnosis& d, const std::string& indent) {
  for (const auto& e : d.evidence) {
    out += fmt::format("{}{}:{}  {}\n", indent, terminal_safe(e.input), e.line, one_line(e.text));
  }
  if (d.evidence_omitted > 0) {
    out += fmt::format("{}... {} more like this\n", indent, d.evidence_omitted);
  }
}

void append_fixes(std::string& out, const Diagnosis& d, const std::string& indent,
                  const Palette& p) {
  for (const auto& f : d.fixes) {
    out += fmt::format("{}{}$ {}{}", indent, p.bold, terminal_safe(f.command), p.reset);
    if (!f.why.empty()) out += fmt::format("   {}# {}{}", p.dim, terminal_safe(f.why), p.reset);
    out += "\n";
  }
}

void append_folded(std::string& out, const std::vector<Diagnosis>& folded,
                   const std::string& indent, const Palette& p) {
  for (const auto& s : folded) {
    out += fmt::format("{}- {}{}{} [{}: {}, {} time{}{}]\n", indent, p.for_severity(s.severity),
                       terminal_safe(s.title), p.reset, s.cause, to_string(s.severity), s.count,
                       s.count == 1 ? "" : "s", span_text(s));
    append_evidence(out, s, indent + "    ");
    append_folded(out, s.explains, indent + "  ", p);
  }
}

void append_diagnosis(std::string& out, const Diagnosis& d, bool root, const Palette& p) {
  out += fmt::format("{}{}{}{}{}\n", p.bold, p.for_severity(d.severity),
                     root ? "Root cause: " : fmt::format("{}. ", d.rank), terminal_safe(d.title),
                     p.reset);
  out += fmt::format("  {} ({}), confidence {:.2f}, cause {}, rule {}; seen {} time{}{}\n",
                     to_string(d.severity), d.severity >= Severity::error ? "a fault" : "a remark",
                     d.confidence, d.cause, d.rule, d.count, d.count == 1 ? "" : "s", span_text(d));
  if (d.seen_before && d.seen_before->count > 0) {
    out += fmt::format("  seen in {} earlier run{}, first on {} (logdx incidents show {})\n",
                       d.seen_before->count, d.seen_before->count == 1 ? "" : "s",
                       d.seen_before->first_at, d.fingerprint.substr(0, 8));
  }
  if (!d.facts.empty()) {
    std::string facts;
    for (const auto& [k, v] : d.facts)
      facts += fmt::format("{}{}={}", facts.empty() ? "" : ", ", k, v);
    out += fmt::format("  facts: {}\n", terminal_safe(facts));
  }
  out += "  evidence:\n";
  append_evidence(out, d, "    ");
  if (!d.fixes.empty()) {
    out += "  fix:\n";
    append_fixes(out, d, "    ", p);
  }
  if (!d.explains.empty()) {
    out += "  this also explains:\n";
    append_folded(out, d.explains, "    ", p);
  }
}

std::string summary_line(const std::vector<InputSummary>& inputs, const ReadStats& stats) {
  std::uint64_t lines = 0, events = 0;
  std::set<std::string> formats;
  for (const auto& in : inputs) {
    lines += in.lines;
    events += in.events;
    if (!in.parser.empty()) formats.insert(in.parser);
  }
  return fmt::format("Read {} input{} ({}), {} lines, {} events, in {:.2f} s.\n", inputs.size(),
                     inputs.size() == 1 ? "" : "s", fmt::join(formats, ", "), lines, events,
                     stats.seconds);
}

}  // namespace

std::string analysis_text(const AnalysisResult& result, const std::vector<InputSummary>& inputs,
                          const ReadStats& stats, const TextStyle& style) {
  const Palette p(style.color);
  std::string out;
  // Only a fault is called a root cause: when the worst finding is a warning or a remark, the
  // verdict is that nothing is broken, and the findings follow as remarks.
  const bool fault = !result.diagnoses.empty() && result.diagnoses[0].severity >= Severity::error;
  if (result.diagnoses.empty()) {
    out += "No problem found.\n";
  } else if (!fault) {
    out += fmt::format("No fault found (nothing at error or above); {} remark{}:\n\n",
                       result.diagnoses.size(), result.diagnoses.size() == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < result.diagnoses.size(); ++i) {
    if (i == 1 && fault) out += "\nOther findings:\n";
    append_diagnosis(out, result.diagnoses[i], i == 0 && fault, p);
    if (i + 1 < result.diagnoses.size()) out += "\n";
  }
  for (const auto& note : result.notes)
    out += fmt::format("note: {}\n", terminal_safe(note.message));
  out += "\n" + summary_line(inputs, stats);
  return out;
}

}  // namespace logdx::cli
