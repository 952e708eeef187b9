#include "analysis_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "analysis_json.hpp"
#include "analysis_text_hosts.hpp"
#include "logdx/engine/record_lines.hpp"
#include "terminal_text.hpp"
#include "text_layout.hpp"
#include "text_palette.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kEvidenceWidth = 160;  // long lines are cut for reading, JSON has them whole

// The line of a record the rule matched (its first when it has one line), fitted to `room`:
// the message is kept and the envelope shortened. A note says where the line sits in a
// longer record; it fits in `room` only on a terminal, where the line must not wrap.
std::string one_line(const Evidence& e, std::size_t room, bool terminal) {
  const std::string_view line = engine::nth_line(e.text, e.focus_line);
  const auto lines = std::count(e.text.begin(), e.text.end(), '\n') + 1;
  std::string more;
  if (e.focus_line > 0) {
    more = fmt::format(" (line {} of {} of the record)", e.focus_line + 1, lines);
  } else if (lines > 1) {
    more = fmt::format(" (+{} lines)", lines - 1);
  }
  const bool split = e.message_at != std::string::npos && e.message_at < line.size();
  const std::string envelope = split ? terminal_safe(line.substr(0, e.message_at)) : "";
  const std::string message = terminal_safe(split ? line.substr(e.message_at) : line);
  const std::size_t need = terminal ? more.size() + 10 : 0;
  const std::size_t fit = room > need ? room - (terminal ? more.size() : 0) : 10;
  return fit_log_line(envelope, message, terminal_safe(e.time_text), fit) + more;
}

// What earlier runs knew, telling the same logs read again from the failure happening again.
std::string seen_before_text(const PriorRuns& prior, const std::string& fingerprint) {
  const std::string show = fmt::format("logdx incidents show {}", fingerprint.substr(0, 8));
  const auto plural = [](std::uint64_t n) { return n == 1 ? "" : "s"; };
  if (prior.same_inputs == prior.count) {
    return fmt::format(
        "the same logs were analysed before ({} earlier run{}, first on {}): "
        "not a new occurrence ({})",
        prior.count, plural(prior.count), prior.first_at, show);
  }
  const std::uint64_t other = prior.count - prior.same_inputs;
  return fmt::format(
      "seen in {} earlier run{} on other logs{}, first on {} ({})", other, plural(other),
      prior.same_inputs > 0 ? fmt::format(" (and {} on these same logs)", prior.same_inputs)
                            : std::string(),
      prior.first_at, show);
}

// On a narrow terminal a long path leaves little room: the line then goes below its location.
constexpr std::size_t kMinTextRoom = 40;

void append_evidence(std::string& out, const Diagnosis& d, const std::string& indent,
                     const TextStyle& style) {
  for (const auto& e : d.evidence) {
    out += evidence_text(e, indent, style);
    out += context_text(e, indent, style);
  }
  if (d.evidence_omitted > 0) {
    out += fmt::format("{}... {} more like this\n", indent, d.evidence_omitted);
  }
}

// A fix's reason goes beside its line as a comment when it fits, else on the line below.
void append_why(std::string& out, std::size_t used, const std::string& why_text,
                const std::string& indent, const TextStyle& style, const Palette& p) {
  if (why_text.empty()) {
    out += "\n";
    return;
  }
  const std::string why = "# " + terminal_safe(why_text);
  if (style.width == 0 || used + 3 + display_width(why) <= style.width) {
    out += fmt::format("   {}{}{}\n", p.dim, why, p.reset);
  } else {
    const std::string under = indent + "  ";
    out += "\n" + p.paint(p.dim, wrap(why, style.width, under, under + "# "));
  }
}

// Each kind as it is valid: a command after `$ `, a config edit's exact text under "in FILE:"
// (no shell quoting: it goes in a file), a manual step after "step: ". A command or an edit is
// never wrapped or cut (it must paste whole).
void append_fix(std::string& out, const RenderedFix& f, const std::string& indent,
                const TextStyle& style, const Palette& p) {
  // What a person copies is bold: the command with its `$ `, the edit's text.
  std::string shown = terminal_safe(f.text);
  std::string lead = indent;
  if (f.kind == FixKind::shell) {
    shown = "$ " + shown;
  } else if (f.kind == FixKind::config) {
    out += wrap("in " + terminal_safe(f.file) + ":", style.width, indent, indent + "  ");
    lead = indent + "  ";
  } else {
    lead = indent + "step: ";
  }
  out += fmt::format("{}{}{}{}", lead, p.bold, shown, p.reset);
  append_why(out, display_width(lead) + display_width(shown), f.why, indent, style, p);
}

// A fix shown under another diagnosis is referred to, not repeated: one line per diagnosis
// that shows them.
void append_fixes(std::string& out, const Diagnosis& d, const std::string& indent,
                  const TextStyle& style, const Palette& p) {
  std::vector<std::pair<std::string, int>> elsewhere;  // rule, how many of its fixes
  for (const auto& f : d.fixes) {
    if (f.shown_under.empty()) {
      append_fix(out, f, indent, style, p);
      continue;
    }
    auto it = std::find_if(elsewhere.begin(), elsewhere.end(),
                           [&](const auto& e) { return e.first == f.shown_under_rule; });
    if (it == elsewhere.end()) {
      elsewhere.emplace_back(f.shown_under_rule, 1);
    } else {
      ++it->second;
    }
  }
  for (const auto& [rule, count] : elsewhere) {
    out += p.paint(p.dim, wrap(fmt::format("(and {} fix{} shown under {})", count,
                                           count == 1 ? "" : "es", rule),
                               style.width, indent, indent + "  "));
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
    out += wrap(seen_before_text(*d.seen_before, d.fingerprint), style.width, "  ", "    ");
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

std::string evidence_text(const Evidence& e, const std::string& indent, const TextStyle& style) {
  // The line that holds the match, not the record's first: a reader opens the file there.
  const std::string where =
      fmt::format("{}{}:{}  ", indent, terminal_safe(e.input), e.matched_line());
  const std::size_t used = display_width(where);
  if (style.width == 0) return where + one_line(e, kEvidenceWidth, false) + "\n";
  if (style.width >= used + kMinTextRoom) {
    return where + one_line(e, style.width - used, true) + "\n";
  }
  const std::string under = indent + "  ";
  const std::size_t room = style.width > under.size() + 20 ? style.width - under.size() : 20;
  return where.substr(0, where.size() - 2) + "\n" + under + one_line(e, room, true) + "\n";
}

std::string fix_text(const RenderedFix& f, const std::string& indent, const TextStyle& style) {
  std::string out;
  append_fix(out, f, indent, style, Palette(style.color));
  return out;
}

std::string seen_span(const Diagnosis& d) {
  const std::string first = report_time(d.first_seen, d.first_seen_text);
  const std::string last = report_time(d.last_seen, d.last_seen_text);
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
  std::string text = fmt::format("Read {} input{} ({}), {} line{}, {} event{}", inputs.size(),
                                 inputs.size() == 1 ? "" : "s", fmt::join(formats, ", "), lines,
                                 lines == 1 ? "" : "s", events, events == 1 ? "" : "s");
  const std::string first = report_time(stats.first, stats.first_text);
  const std::string last = report_time(stats.last, stats.last_text);
  if (!first.empty())
    text += first == last ? fmt::format(", at {}", first) : fmt::format(", {} .. {}", first, last);
  // Syslog gives no year: the one shown is logdx's inference (the file's date or --year).
  if (stats.first.year_inferred || stats.last.year_inferred) text += " (year inferred)";
  if (stats.outside_window > 0) {
    text += fmt::format(" ({} outside --since/--until left out)", stats.outside_window);
  }
  return text + fmt::format(", in {:.2f} s.", stats.seconds);
}

namespace {

// The findings of one host (or of a single-host run): the worst one as the root cause when it
// is a fault, the others after it.
void append_findings(std::string& out, const std::vector<const Diagnosis*>& findings,
                     const TextStyle& style, const Palette& p) {
  const bool fault = !findings.empty() && findings.front()->severity >= Severity::error;
  if (!findings.empty() && !fault) {
    out += fmt::format("No fault found (nothing at error or above); {} remark{}:\n\n",
                       findings.size(), findings.size() == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i == 1 && fault) out += "\nOther findings:\n";
    append_diagnosis(out, *findings[i], i == 0 && fault, style, p);
    if (i + 1 < findings.size()) out += "\n";
  }
}

void append_per_host(std::string& out, const AnalysisResult& result, const TextStyle& style,
                     const Palette& p) {
  out += host_summary_text(result, style);
  for (const HostFindings& h : findings_by_host(result)) {
    if (h.findings.empty()) continue;  // healthy: the summary said so
    out += "\n" + p.paint(p.bold, host_heading(h.host));
    append_findings(out, h.findings, style, p);
  }
}

}  // namespace

std::string analysis_text(const AnalysisReport& report, const TextStyle& style) {
  const AnalysisResult& result = report.result;
  const Palette p(style.color);
  std::string out;
  if (reports_per_host(result)) {
    append_per_host(out, result, style, p);
  } else if (result.diagnoses.empty()) {
    out += verdict_when_empty(report, style);
  } else {
    std::vector<const Diagnosis*> all;
    for (const Diagnosis& d : result.diagnoses) all.push_back(&d);
    append_findings(out, all, style, p);
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
