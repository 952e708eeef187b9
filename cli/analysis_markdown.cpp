#include "analysis_markdown.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis_json.hpp"
#include "analysis_text.hpp"
#include "logdx/engine/record_lines.hpp"
#include "terminal_text.hpp"
#include "text_layout.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kEvidenceLines = 10;  // of one multi-line record (a stack trace)

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// An inline code span that no backtick in `text` can close early.
std::string code(std::string_view text) {
  const std::string safe = terminal_safe(text);
  const std::size_t run = longest_backtick_run(safe);
  if (run == 0) return fmt::format("`{}`", safe);
  const std::string ticks(run + 1, '`');
  return fmt::format("{} {} {}", ticks, safe, ticks);
}

std::string indent_lines(std::string_view text, std::string_view indent) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string_view line = text.substr(pos, end == text.npos ? text.npos : end - pos);
    if (!line.empty()) out += indent;
    out += line;
    out += '\n';
    if (end == text.npos) break;
    pos = end + 1;
  }
  return out;
}

// The first lines of a record (a stack trace can be long); the rest counted.
std::string first_lines(const std::string& text) {
  std::size_t end = 0;
  for (std::size_t lines = 0; lines < kEvidenceLines && end != std::string::npos; ++lines) {
    end = text.find('\n', lines == 0 ? 0 : end + 1);
  }
  if (end == std::string::npos) return text;
  const auto more = std::count(text.begin() + static_cast<std::ptrdiff_t>(end), text.end(), '\n');
  return fmt::format("{}\n(+{} more lines)", text.substr(0, end), more);
}

// The first lines of a record, and the line the rule matched when it comes later (the
// `Killed process` line of a kernel OOM report).
std::string record_lines(const Evidence& e) {
  const std::string safe = terminal_safe(e.text, true);
  if (e.focus_line < kEvidenceLines) return first_lines(safe);
  const auto lines = static_cast<std::size_t>(std::count(safe.begin(), safe.end(), '\n')) + 1;
  std::string out = first_lines(safe);
  out = out.substr(0, out.rfind("\n(+"));  // the count is given again below
  out += fmt::format("\n(... {} lines ...)\n{}", e.focus_line - kEvidenceLines,
                     engine::nth_line(safe, e.focus_line));
  if (e.focus_line + 1 < lines) out += fmt::format("\n(+{} more lines)", lines - e.focus_line - 1);
  return out;
}

std::string evidence_block(const Diagnosis& d) {
  std::string body;
  for (const auto& e : d.evidence) {
    body += fmt::format("{}:{}  {}\n", e.input, e.line, record_lines(e));
  }
  if (d.evidence_omitted > 0) body += fmt::format("... {} more like this\n", d.evidence_omitted);
  return markdown_fence(body, "text");
}

// Shell commands in one `sh` fence (they paste as a script); each config edit under "In FILE:"
// in a `text` fence of its own, exactly as it goes in the file; manual steps as a list. A fix
// shown under another diagnosis is referred to by that diagnosis' rule.
std::string fix_section(const Diagnosis& d) {
  std::string shell, edits, steps, elsewhere;
  for (const auto& f : d.fixes) {
    const std::string why = f.why.empty() ? "" : "   # " + terminal_safe(f.why);
    if (!f.shown_under.empty()) {
      elsewhere += fmt::format("- see the fixes of {}: {}\n", code(f.shown_under_rule),
                               code(terminal_safe(f.text)));
    } else if (f.kind == FixKind::shell) {
      shell += terminal_safe(f.text) + why + "\n";
    } else if (f.kind == FixKind::config) {
      edits += fmt::format("In {}{}:\n\n{}\n", code(terminal_safe(f.file)),
                           f.why.empty() ? "" : " (" + markdown_inline(f.why) + ")",
                           markdown_fence(terminal_safe(f.text) + "\n", "text"));
    } else {
      steps += fmt::format("- {}{}\n", markdown_inline(f.text),
                           f.why.empty() ? "" : " (" + markdown_inline(f.why) + ")");
    }
  }
  std::string out;
  if (!shell.empty()) out += markdown_fence(shell, "sh") + "\n";
  if (!edits.empty()) out += edits;
  if (!steps.empty()) out += steps + "\n";
  if (!elsewhere.empty()) out += elsewhere + "\n";
  return out;
}

std::string detail_line(const Diagnosis& d) {
  return fmt::format("**{}** ({}) · confidence {:.2f} · cause {} · rule {} · seen {} time{}{}",
                     to_string(d.severity), d.severity >= Severity::error ? "a fault" : "a remark",
                     d.confidence, code(d.cause), code(d.rule), d.count, d.count == 1 ? "" : "s",
                     seen_span(d));
}

std::size_t count_folded(const std::vector<Diagnosis>& folded) {
  std::size_t n = folded.size();
  for (const auto& s : folded) n += count_folded(s.explains);
  return n;
}

void append_folded(std::string& out, const std::vector<Diagnosis>& folded,
                   const std::string& indent) {
  for (const auto& s : folded) {
    out += fmt::format("{}- **{}** ({}, {}, {} time{}{})\n\n", indent, markdown_inline(s.title),
                       code(s.cause), to_string(s.severity), s.count, s.count == 1 ? "" : "s",
                       seen_span(s));
    for (const auto& note : s.notes) {
      out += fmt::format("{}  > Note: {}\n\n", indent, markdown_inline(note));
    }
    out += indent_lines(evidence_block(s), indent + "  ") + "\n";
    append_folded(out, s.explains, indent + "  ");
  }
}

void append_diagnosis(std::string& out, const Diagnosis& d, const std::string& heading) {
  out += fmt::format("{}{}\n\n{}\n\n", heading, markdown_inline(d.title), detail_line(d));
  if (!d.facts.empty()) {
    out += "Facts:\n\n";
    for (const auto& [k, v] : d.facts)
      out += fmt::format("- {}: {}\n", markdown_inline(k), code(v));
    out += "\n";
  }
  for (const auto& note : d.notes) out += fmt::format("> Note: {}\n\n", markdown_inline(note));
  out += "Evidence:\n\n" + evidence_block(d) + "\n";
  if (!d.fixes.empty()) out += "Fix (logdx never runs these):\n\n" + fix_section(d);
  if (!d.explains.empty()) {
    const std::size_t n = count_folded(d.explains);
    out += fmt::format("<details>\n<summary>This also explains {} symptom{}</summary>\n\n", n,
                       n == 1 ? "" : "s");
    append_folded(out, d.explains, "");
    out += "</details>\n\n";
  }
}

// The text timeline (aligned columns, long loops folded in the middle) in a fenced block.
std::string timeline_block(const std::vector<TimelineEntry>& timeline) {
  const std::string text = timeline_text(timeline, TextStyle{});
  const std::string body = text.substr(text.find('\n') + 1);
  return fmt::format(
      "<details>\n<summary>Timeline: {} key event{}, all inputs in time "
      "order</summary>\n\n{}\n</details>\n\n",
      timeline.size(), timeline.size() == 1 ? "" : "s",
      markdown_fence(body.empty() ? "(none)\n" : body, "text"));
}

std::string host_section(const host::HostReport& host) {
  std::string out = "### On this host (read-only checks, now)\n\n";
  for (const auto& c : host.checks) {
    out += fmt::format("- **{}** ({}): {}", c.name, host::to_string(c.status),
                       markdown_inline(c.summary));
    if (c.bearing != host::Bearing::none) {
      out += fmt::format(" — {} {}", host::to_string(c.bearing), code(c.cause));
    }
    out += "\n";
    for (const auto& [k, v] : c.facts)
      out += fmt::format("  - {}: {}\n", markdown_inline(k), code(v));
  }
  return out + "\n";
}

}  // namespace

std::string markdown_inline(std::string_view text) {
  std::string out;
  std::string one_line(text);
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  const std::string safe = terminal_safe(one_line);
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
      case '!':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '@':
        // A zero-width space after '@' keeps "@name" from pinging someone on GitHub.
        out += '@';
        if (i + 1 < safe.size() && std::isalnum(static_cast<unsigned char>(safe[i + 1]))) {
          out += "\u200b";
        }
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_fence(std::string_view body, std::string_view info) {
  const std::string fence(std::max<std::size_t>(3, longest_backtick_run(body) + 1), '`');
  std::string out = fence + std::string(info) + "\n" + std::string(body);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out + fence + "\n";
}

std::string analysis_markdown(const AnalysisReport& report) {
  const AnalysisResult& result = report.result;
  std::string out;
  const bool fault = has_fault(result);
  if (result.diagnoses.empty() && !report.nothing_read.message.empty()) {
    out += "## Nothing to analyse\n\n" + markdown_inline(report.nothing_read.message) + "\n\n";
  } else if (result.diagnoses.empty()) {
    out += "## No problem found\n\n";
  } else if (!fault) {
    out += fmt::format("## No fault found\n\nNothing at error or above; {} remark{}.\n\n",
                       result.diagnoses.size(), result.diagnoses.size() == 1 ? "" : "s");
  }
  for (std::size_t i = 0; i < result.diagnoses.size(); ++i) {
    if (i == 1 && fault) out += "## Other findings\n\n";
    const Diagnosis& d = result.diagnoses[i];
    append_diagnosis(out, d, i == 0 && fault ? "## Root cause: " : fmt::format("### {}. ", d.rank));
  }
  for (const auto& note : result.notes)
    out += "> **Note:** " + markdown_inline(note.message) + "\n\n";
  if (report.timeline) out += timeline_block(result.timeline);
  if (report.host != nullptr) out += host_section(*report.host);
  // The time taken ends the text, where the golden tests mask it.
  out += fmt::format("---\n\n*logdx {}* · {}\n", LOGDX_VERSION,
                     markdown_inline(read_summary(report.inputs, report.stats)));
  return out;
}

}  // namespace logdx::cli
