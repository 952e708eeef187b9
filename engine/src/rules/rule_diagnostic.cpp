#include "logdx/engine/rule_diagnostic.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>

namespace logdx {
namespace {

struct ProblemInfo {
  std::string_view name;
  DiagnosticSeverity severity;
  std::string_view message;  // fmt template; `{}` holes are filled in order
};

constexpr auto kError = DiagnosticSeverity::error;
constexpr auto kWarning = DiagnosticSeverity::warning;

// Indexed by RuleProblem. Every message the loader prints is here.
constexpr std::array<ProblemInfo, 26> kProblems = {{
    {"yaml-syntax", kError, "the file is not valid YAML: {}"},
    {"unknown-key", kError, "unknown key '{}' in {}{}"},
    {"wrong-type", kError, "{} must be {}"},
    {"missing-key", kError, "{} has no {}"},
    {"bad-version", kError, "'logdx_rules' {}; this logdx reads version 1"},
    {"bad-regex", kError, "RE2 refused the pattern: {}"},
    {"unknown-macro", kError, "no file defines the macro '{}'"},
    {"unknown-list", kError, "no file defines the list '{}'"},
    {"undefined-placeholder", kError,
     "placeholder '{{{}}}' in {} of rule '{}' is not a named capture or fact of the rule"},
    {"duplicate-id", kError, "{} '{}' is already defined at {}{}"},
    {"override-unknown", kError, "rule '{}' {}, but no earlier rule has that id"},
    {"bad-cause", kError, "{} '{}' is not snake_case (a-z first, then a-z, 0-9, _)"},
    {"bad-severity", kError, "severity '{}' is not one of info, warning, error, critical"},
    {"bad-confidence", kError, "confidence {} is not between 0 and 1"},
    {"bad-duration", kError,
     "duration '{}' is not a whole number followed by ms, s, m, h or d (e.g. 30s)"},
    {"catch-all-pattern", kWarning, "pattern '{}' matches every line"},
    {"leading-dot-star", kWarning,
     "pattern '{}' starts with '.*': the search is unanchored already, so it only slows the scan"},
    {"rule-test-failed", kError, "embedded test of rule '{}' failed: {}"},
    {"unreadable-file", kError, "cannot read rule file: {}"},
    {"file-too-large", kError, "rule file is {} bytes, over the limit of {} bytes"},
    {"unknown-group", kError,
     "format '{}' names the group '{}'; a format's groups are time, host, unit, app, process, "
     "pid, level, message"},
    {"bad-format", kError, "format '{}' {}"},
    {"sample-mismatch", kError, "sample of format '{}' is not read by it: {}"},
    {"unknown-filter", kError,
     "filter '{}' in '{}' of rule '{}' is not one logdx has (above, or:TEXT)"},
    {"multibyte-in-class", kWarning,
     "pattern '{}' has '{}' inside [...]: patterns match bytes (Latin-1), so the class takes one "
     "byte of that character, never the whole of it; write it as an alternative, (?:x|{})"},
    {"optional-placeholder", kWarning,
     "'{{{}}}' of rule '{}' names a group the match does not always set (an optional part, one "
     "branch of an alternation): give it a fallback, {{{}|or:TEXT}}, or a `when:` on the fix"},
}};

const ProblemInfo& info(RuleProblem code) { return kProblems[static_cast<std::size_t>(code)]; }

std::string caret_snippet(std::string_view line, int column) {
  std::string out = "  ";
  out.append(line);
  out += "\n  ";
  // Keep tabs under tabs so the caret lines up in a terminal.
  for (int i = 0; i + 1 < column && i < static_cast<int>(line.size()); ++i) {
    out += line[static_cast<std::size_t>(i)] == '\t' ? '\t' : ' ';
  }
  out += '^';
  return out;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t len = 0;
  unsigned min = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    len = 2, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    len = 3, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    len = 4, min = 0x10000;
  else
    return 0;
  if (i + len > s.size()) return 0;
  unsigned cp = lead & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c);
    } else if (c >= 0x80) {
      const std::size_t len = utf8_sequence_length(s, i);
      if (len == 0) {
        out += "\\ufffd";
        ++i;
        continue;
      }
      out.append(s.substr(i, len));
      i += len;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

void append_json_position(std::string& out, const SourcePosition& where) {
  out += "\"file\":";
  append_json_string(out, where.file);
  out += fmt::format(",\"line\":{},\"column\":{}", where.line, where.column);
}

}  // namespace

std::string_view to_string(RuleProblem code) { return info(code).name; }

std::string_view to_string(DiagnosticSeverity severity) {
  return severity == DiagnosticSeverity::error ? "error" : "warning";
}

DiagnosticSeverity severity_of(RuleProblem code) { return info(code).severity; }

std::string_view SourceText::line(int line) const {
  const std::string_view text = this->text.view();
  if (line < 1) return {};
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string_view out(text.data() + start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

RuleDiagnostic make_rule_diagnostic(RuleProblem code, const SourcePosition& where,
                                    std::initializer_list<std::string_view> args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (std::string_view arg : args) store.push_back(arg);
  RuleDiagnostic out;
  out.code = code;
  out.severity = info(code).severity;
  out.message = fmt::vformat(info(code).message, store);
  out.where = where;
  if (where.source && where.line > 0) {
    out.source_line = std::string(where.source->line(where.line));
    out.snippet = caret_snippet(out.source_line, where.column);
  }
  return out;
}

std::string format_position(const SourcePosition& where) {
  if (where.line <= 0) return std::string(where.file.view());
  return fmt::format("{}:{}:{}", where.file.view(), where.line, where.column);
}

bool has_errors(const std::vector<RuleDiagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.is_error()) return true;
  }
  return false;
}

std::string RuleDiagnostic::render_text() const {
  std::string out = fmt::format("{}: {}[{}]: {}", format_position(where), to_string(severity),
                                to_string(code), message);
  if (!snippet.empty()) out += "\n" + snippet;
  if (related) out += "\n  note: see " + format_position(*related);
  return out;
}

std::string RuleDiagnostic::render_json() const {
  std::string out = "{\"code\":";
  append_json_string(out, to_string(code));
  out += ",\"severity\":";
  append_json_string(out, to_string(severity));
  out += ",\"message\":";
  append_json_string(out, message);
  out += ',';
  append_json_position(out, where);
  out += ",\"source_line\":";
  append_json_string(out, source_line);
  if (related) {
    out += ",\"related\":{";
    append_json_position(out, *related);
    out += '}';
  }
  out += '}';
  return out;
}

}  // namespace logdx
