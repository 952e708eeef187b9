#include "analysis_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analysis_json.hpp"
#include "terminal_text.hpp"
#include "text_layout.hpp"
#include "text_palette.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kEvidenceWidth = 160;  // long lines are cut for reading, JSON has them whole

// The first line of a record, cut to `room` (the "(+N lines)" note fits in it only on a
// terminal, where the line must not wrap).
std::string one_line(std::string_view text, std::size_t room, bool terminal) {
  std::string safe = terminal_safe(text.substr(0, text.find('\n')));
  const auto extra = std::count(text.begin(), text.end(), '\n');
  const std::string more = extra > 0 ? fmt::format(" (+{} lines)", extra) : std::string();
  const std::size_t need = terminal ? more.size() + 10 : 0;
  return cut(safe, room > need ? room - (terminal ? more.size() : 0) : 10) + more;
}

// On a narrow terminal a long path leaves little room: the line then goes below its location.
constexpr std::size_t kMinTextRoom = 40;

void append_evidence(std::string& out, const Diagnosis& d, const std::string& indent,
                     const TextStyle& style) {
  for (const auto& e : d.evidence) {
    const std::string where = fmt::format("{}{}:{}  ", indent, terminal_safe(e.input), e.line);
    const std::size_t used = display_width(where);
    if (style.width == 0) {
      out += where + one_line(e.text, kEvidenceWidth, false) + "\n";
    } else if (style.width >= used + kMinTextRoom) {
      out += where + one_line(e.text, style.width - used, true) + "\n";
    } else {
      const std::string under = indent + "  ";
      const std::size_t room = style.width > under.size() + 20 ? style.width - under.size() : 20;
      out += where.substr(0, where.size() - 2) + "\n" + under + one_line(e.text, room, true) + "\n";
    }
    out += context_text(e, indent, style);
  }
  if (d.evidence_omitted > 0) {
    out += fmt::format("{}... {} more like this\n", indent, d.evidence_omitted);
  }
}

// A command is never wrapped or cut (it must paste whole); its reason goes beside it as a
// shell comment when it fits, else on the line below.
void append_fixes(std::string& out, const Diagnosis& d, const std::string& indent,
                  const TextStyle& style, const Palette& p) {
  for (const auto& f : d.fixes) {
    const std::string command = fmt::format("{}$ {}", indent, terminal_safe(f.command));
    out += fmt::format("{}{}$ {}{}", indent, p.bold, terminal_safe(f.command), p.reset);
    if (f.why.empty()) {
      out += "\n";
      continue;
    }
    const std::string why = "# " + terminal_safe(f.why);
    if (style.width == 0 || display_width(command) + 3 + display_width(why) <= style.width) {
      out += fmt::format("   {}{}{}\n", p.dim, why, p.reset);
    } else {
      const std::string under = indent + "  ";
      out += "\n" + p.paint(p.dim, wrap(why, style.width, under, under + "# "));
    }
  }
}

void append_folded(std::string& out, const std::vector<Diagnosis>& folded,
                   const std::string& indent, const TextStyle& style, const Palette& p) {
  for (const auto& s : folded) {
    const std::string line =
        fmt::format("{} [{}: {}, {} time{}{}]", terminal_safe(s.title), s.cause,
                    to_string(s.severity), s.count, s.count == 1 ? "" : "s", seen_span(s));
    out +=
        p.paint(p.for_severity(s.severity), wrap(line, style.width, indent + "- ", indent + "  "));
    for (const auto& note : s.notes) {
      out += wrap(terminal_safe(note), style.width, indent + "  note: ", indent + "    ");
    }
    append_evidence(out, s, indent + "    ", style);
    append_folded(out, s.explains, indent + "  ", style, p);
  }
}

void append_diagnosis(std::string& out, const Diagnosis& d, bool root, const TextStyle& style,
                      const Palette& p) {
  const std::string head = root ? "Root cause: " : fmt::format("{}. ", d.rank);
  out += p.paint(p.bold + p.for_severity(d.severity),
                 wrap(terminal_safe(d.title), style.width, head, "  "));
  out += wrap(
      fmt::format("{} ({}), confidence {:.2f}, cause {}, rule {}; seen {} time{}{}",
                  to_string(d.severity), d.severity >= Severity::error ? "a fault" : "a remark",
                  d.confidence, d.cause, d.rule, d.count, d.count == 1 ? "" : "s", seen_span(d)),
      style.width, "  ", "    ");
  if (d.seen_before && d.seen_before->count > 0) {
    out += wrap(fmt::format("seen in {} earlier run{}, first on {} (logdx incidents show {})",
                            d.seen_before->count, d.seen_before->count == 1 ? "" : "s",
                            d.seen_before->first_at, d.fingerprint.substr(0, 8)),
                style.width, "  ", "    ");
  }
  if (!d.facts.empty()) {
    std::string facts;
    for (const auto& [k, v] : d.facts)
      facts += fmt::format("{}{}={}", facts.empty() ? "" : ", ", k, v);
    out += wrap(terminal_safe(facts), style.width, "  facts: ", "    ");
  }
  for (const auto& note : d.notes) {
    out += wrap(terminal_safe(note), style.width, "  note: ", "    ");
  }
  out += "  evidence:\n";
  append_evidence(out, d, "    ", style);
  if (!d.fixes.empty()) {
    out += "  fix:\n";
    append_fixes(out, d, "    ", style, p);
  }
  if (!d.explains.empty()) {
    out += "  this also explains:\n";
    append_folded(out, d.explains, "    ", style, p);
  }
  if (!d.related.empty()) {
    std::string names;
    for (const auto& r : d.related) {
      names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", r.rule, r.cause);
    }
    out += wrap(terminal_safe(names), style.width, "  possibly related: ", "    ");
  }
}

}  // namespace

std::string seen_span(const Diagnosis& d) {
  const std::string first = contract_time(d.first_seen, d.first_seen_text);
  const std::string last = contract_time(d.last_seen, d.last_seen_text);
  if (first.empty()) return {};
  if (last.empty() || last == first) return fmt::format(", at {}", first);
  return fmt::format(", {} .. {}", first, last);
}

std::string read_summary(const std::vector<InputSummary>& inputs, const ReadStats& stats) {
  std::uint64_t lines = 0, events = 0;
  std::set<std::string> formats;
  for (const auto& in : inputs) {
    lines += in.lines;
    events += in.events;
    if (!in.parser.empty()) formats.insert(in.parser);
  }
  std::string text =
      fmt::format("Read {} input{} ({}), {} lines, {} events", inputs.size(),
                  inputs.size() == 1 ? "" : "s", fmt::join(formats, ", "), lines, events);
  const std::string first = contract_time(stats.first, stats.first_text);
  const std::string last = contract_time(stats.last, stats.last_text);
  if (!first.empty())
    text += first == last ? fmt::format(", at {}", first) : fmt::format(", {} .. {}", first, last);
  if (stats.outside_window > 0) {
    text += fmt::format(" ({} outside --since/--until left out)", stats.outside_window);
  }
  return text + fmt::format(", in {:.2f} s.", stats.seconds);
}

std::string analysis_text(const AnalysisReport& report, const TextStyle& style) {
  const AnalysisResult& result = report.result;
  const Palette p(style.color);
  std::string out;
  const bool fault = has_fault(result);
  if (result.diagnoses.empty()) {
    out += verdict_when_empty(report, style);
  } else if (!fault) {
    out += fmt::format("No fault found (nothing at error or above); {} remark{}:\n\n",
                       result.diagnoses.size(), result.diagnoses.size() == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < result.diagnoses.size(); ++i) {
    if (i == 1 && fault) out += "\nOther findings:\n";
    append_diagnosis(out, result.diagnoses[i], i == 0 && fault, style, p);
    if (i + 1 < result.diagnoses.size()) out += "\n";
  }
  out += hidden_note(report);
  for (const auto& note : result.notes) {
    out += wrap(terminal_safe(note.message), style.width, "note: ", "  ");
  }
  if (report.timeline) out += "\n" + timeline_text(result.timeline, style);
  if (report.host != nullptr) out += "\n" + host_text(*report.host, style);
  // The time taken ends the line, where the golden tests mask it (it differs between runs).
  out += "\n" + wrap(read_summary(report.inputs, report.stats), style.width, "", "  ");
  return out;
}

}  // namespace logdx::cli
