#include "rules/rule_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/placeholder.hpp"
#include "rules/names.hpp"
#include "rules/pattern_expander.hpp"

namespace logdx::rules {
namespace {

bool defined(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Reports each `{name}` of `text` that `names` lacks, and each filter logdx does not know.
void check_template(const LocatedString& text, std::string_view where, const std::string& rule,
                    const std::vector<std::string>& names, std::vector<RuleDiagnostic>& out) {
  const std::string& s = text.value;
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    const auto p = analysis::placeholder_at(s, open);
    if (!p) continue;
    const std::string written = s.substr(open, p->length);
    if (const auto filter = analysis::unknown_filter(*p)) {
      out.push_back(make_rule_diagnostic(RuleProblem::unknown_filter,
                                         position_in(text, open, written),
                                         {std::string(filter->name), written, rule}));
    }
    const std::string name(p->name);
    if (defined(names, name)) continue;
    out.push_back(make_rule_diagnostic(RuleProblem::undefined_placeholder,
                                       position_in(text, open, written), {name, where, rule}));
  }
}

void check_name(const LocatedString& name, std::string_view where, const std::string& rule,
                const std::vector<std::string>& names, std::vector<RuleDiagnostic>& out) {
  if (defined(names, name.value)) return;
  out.push_back(
      make_rule_diagnostic(RuleProblem::undefined_placeholder, name.at, {name.value, where, rule}));
}

}  // namespace

void check_placeholders(const RuleDef& def, const CompiledRule& rule, const NameTable& names,
                        std::vector<RuleDiagnostic>& out) {
  std::vector<std::string> known = rule.capture_names;
  if (def.facts) {
    for (const auto& [name, value] : *def.facts) known.push_back(name.value);
  }
  std::vector<std::string> own = known;
  if (rule.correlate && rule.correlate->kind == Correlate::Kind::join) {
    auto other = names.find(rule.correlate->rule);
    // A disabled (or broken) target: its names are unknown, and the join never fires anyway.
    if (other == names.end()) return;
    {
      known.insert(known.end(), other->second.begin(), other->second.end());
      for (const auto& [mine, theirs] : def.correlate->on) {
        check_name(mine, "join on", rule.id, own, out);
        LocatedString their_name = theirs;
        check_name(their_name, "join on (the joined rule)", rule.correlate->rule, other->second,
                   out);
      }
    }
  }
  if (def.title) check_template(*def.title, "title", rule.id, known, out);
  if (def.facts) {
    for (const auto& [name, value] : *def.facts) {
      check_template(value, "facts", rule.id, known, out);
    }
  }
  if (def.fixes) {
    for (const Fix& fix : *def.fixes) {
      check_template(fix.text, "fixes", rule.id, known, out);
      if (fix.file) check_template(*fix.file, "fixes", rule.id, known, out);
      check_template(fix.why, "fixes", rule.id, known, out);
      if (fix.when) check_name(*fix.when, "fixes", rule.id, known, out);
      if (fix.unless) check_name(*fix.unless, "fixes", rule.id, known, out);
    }
  }
  if (def.key) {
    for (const LocatedString& name : *def.key) check_name(name, "key", rule.id, own, out);
  }
}

void check_explains(const RuleDef& def, std::vector<RuleDiagnostic>& out) {
  if (!def.explains) return;
  for (const LocatedString& cause : *def.explains) {
    if (!is_snake_case(cause.value)) {
      out.push_back(
          make_rule_diagnostic(RuleProblem::bad_cause, cause.at, {"explains entry", cause.value}));
    }
  }
}

bool needs_scan_hit(const CompiledCondition& condition, const CompiledRule& rule) {
  using Kind = Condition::Kind;
  switch (condition.kind) {
    case Kind::regex: {
      const CompiledPattern& p = rule.patterns[static_cast<std::size_t>(condition.pattern)];
      return p.positive && (p.field.empty() || p.field == "raw");
    }
    case Kind::all:
      return std::any_of(condition.children.begin(), condition.children.end(),
                         [&](const CompiledCondition& c) { return needs_scan_hit(c, rule); });
    case Kind::any:
      return std::all_of(condition.children.begin(), condition.children.end(),
                         [&](const CompiledCondition& c) { return needs_scan_hit(c, rule); });
    default:
      return false;
  }
}

void check_pattern_shape(const CompiledPattern& pattern, std::vector<RuleDiagnostic>& out) {
  // A pattern that matches the empty string matches (somewhere in) every line.
  if (RE2::PartialMatch("", pattern.re->get())) {
    out.push_back(
        make_rule_diagnostic(RuleProblem::catch_all_pattern, pattern.at, {pattern.written}));
    return;
  }
  std::string_view text = pattern.written;
  if (text.starts_with("(?")) {  // skip a leading flags group like (?i)
    const std::size_t close = text.find(')');
    if (close != std::string_view::npos &&
        text.substr(2, close - 2).find(':') == std::string_view::npos) {
      text.remove_prefix(close + 1);
    }
  }
  if (text.starts_with(".*")) {
    out.push_back(
        make_rule_diagnostic(RuleProblem::leading_dot_star, pattern.at, {pattern.written}));
  }
}

// The first character of more than one byte inside a class that is not negated, or empty. A
// negated class with one (`[^|│]`) stops at any byte of it: wider than written, and harmless
// where it only ends a name, so it is left alone.
std::string_view multibyte_in_class(std::string_view p) {
  bool in_class = false;
  bool negated = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (!in_class && p.substr(i + 1, 1) == "Q") {  // \Q...\E is literal text, no class
        const std::size_t end = p.find("\\E", i + 2);
        i = end == std::string_view::npos ? p.size() : end + 1;
      } else {
        ++i;
      }
      continue;
    }
    if (!in_class) {
      if (c != '[') continue;
      in_class = true;
      negated = p.substr(i + 1, 1) == "^";
      if (negated) ++i;
      if (p.substr(i + 1, 1) == "]") ++i;  // a ']' first in a class is itself
      continue;
    }
    if (c == '[' && p.substr(i + 1, 1) == ":") {  // [:alpha:]
      const std::size_t end = p.find(":]", i + 2);
      if (end != std::string_view::npos) i = end + 1;
      continue;
    }
    if (c == ']') {
      in_class = false;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (negated || byte < 0xC0) continue;
    std::size_t n = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    return p.substr(i, std::min(n, p.size() - i));
  }
  return {};
}

void check_class_bytes(const CompiledPattern& pattern, std::vector<RuleDiagnostic>& out) {
  const std::string_view character = multibyte_in_class(pattern.expanded.view());
  if (character.empty()) return;
  out.push_back(
      make_rule_diagnostic(RuleProblem::multibyte_in_class, pattern.at,
                           {pattern.written, std::string(character), std::string(character)}));
}

}  // namespace logdx::rules
