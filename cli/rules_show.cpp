// `rules show ID`: one rule as the engine will run it, so a user can see what their macros and
// lists expanded to and where every part came from.

#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules_views.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

std::string safe(std::string_view text) { return terminal_safe(text); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + safe(item);
  return out.empty() ? "-" : out;
}

std::string duration_text(Duration d) {
  const auto ms = d.count();
  struct Unit {
    long long ms;
    std::string_view name;
  };
  for (const Unit u :
       {Unit{86400000, "d"}, Unit{3600000, "h"}, Unit{60000, "m"}, Unit{1000, "s"}}) {
    if (ms != 0 && ms % u.ms == 0) return fmt::format("{}{}", ms / u.ms, u.name);
  }
  return fmt::format("{}ms", ms);
}

std::string field_name(const std::string& field) { return field.empty() ? "message" : field; }

void print_condition(const CompiledCondition& c, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  using Kind = Condition::Kind;
  switch (c.kind) {
    case Kind::regex:
      fmt::print("{}regex #{} in {}\n", indent, c.pattern, safe(field_name(c.field)));
      return;
    case Kind::any:
    case Kind::all:
    case Kind::negate:
      fmt::print("{}{}\n", indent,
                 c.kind == Kind::any   ? "any"
                 : c.kind == Kind::all ? "all"
                                       : "not");
      for (const CompiledCondition& child : c.children) print_condition(child, depth + 1);
      return;
    case Kind::source: {
      std::vector<std::string> names;
      for (SourceKind kind : c.sources) names.emplace_back(to_string(kind));
      fmt::print("{}source is {}\n", indent, joined(names));
      return;
    }
    case Kind::field_value:
      if (c.pattern >= 0) {
        fmt::print("{}{} matches regex #{}\n", indent, safe(c.field), c.pattern);
      } else {
        fmt::print("{}{} is one of {}\n", indent, safe(c.field), joined(c.values));
      }
      return;
    case Kind::pid_capture:
      fmt::print("{}pid equals capture '{}'\n", indent, safe(c.capture));
      return;
    case Kind::level:
      fmt::print("{}level at least {}\n", indent, to_string(c.at_least));
      return;
  }
}

std::string_view role_name(CompiledPattern::Role role) {
  switch (role) {
    case CompiledPattern::Role::match:
      return "match";
    case CompiledPattern::Role::step:
      return "sequence step";
    case CompiledPattern::Role::missing:
      return "absent: missing";
    case CompiledPattern::Role::field_value:
      return "field value";
  }
  return "match";
}

void print_patterns(const CompiledRule& rule) {
  fmt::print("patterns:\n");
  for (std::size_t i = 0; i < rule.patterns.size(); ++i) {
    const CompiledPattern& p = rule.patterns[i];
    std::string role(role_name(p.role));
    if (p.role == CompiledPattern::Role::step) role += fmt::format(" {}", p.step + 1);
    fmt::print("  #{} {} in {}{} at {}\n", i, role, safe(field_name(p.field)),
               p.positive ? "" : " (under not)", safe(format_position(p.at)));
    fmt::print("     written:  {}\n", safe(p.written));
    if (p.expanded.view() != p.written) fmt::print("     expanded: {}\n", safe(p.expanded));
  }
}

// A window the end of its input cuts short (docs/rules.md "End of input").
void print_cut(const CompiledCorrelate& c) {
  if (!c.report_cut) {
    fmt::print("            a window cut by the end of the input: ignored\n");
  } else if (c.confidence_cut) {
    fmt::print("            a window cut by the end of the input: reported, confidence {}\n",
               *c.confidence_cut);
  } else {
    fmt::print("            a window cut by the end of the input: reported, half confidence\n");
  }
}

void print_correlate(const CompiledCorrelate& c) {
  using Kind = Correlate::Kind;
  const std::string group = c.group_by.empty() ? "" : ", per " + joined(c.group_by);
  switch (c.kind) {
    case Kind::threshold:
      fmt::print("correlate:  threshold: {} matches within {}{}\n", c.count,
                 duration_text(c.within), group);
      return;
    case Kind::sequence:
      fmt::print("correlate:  sequence of {} steps within {}{}\n", c.steps.size(),
                 duration_text(c.within), group);
      for (std::size_t i = 0; i < c.steps.size(); ++i) {
        fmt::print("  step {}:\n", i + 1);
        print_condition(c.steps[i], 2);
      }
      print_cut(c);
      return;
    case Kind::absent:
      fmt::print("correlate:  absent: no event like this within {} after a match{}\n",
                 duration_text(c.within), group);
      if (c.missing) print_condition(*c.missing, 2);
      print_cut(c);
      return;
    case Kind::join: {
      std::vector<std::string> on;
      for (const auto& [mine, its] : c.on) on.push_back(mine + " = " + its);
      // `on: {}` joins with any diagnosis of the other rule.
      fmt::print("correlate:  join with rule '{}' {}{}\n", safe(c.rule),
                 on.empty() ? "(any of its diagnoses)" : "on " + joined(on),
                 c.required ? ", required" : ", optional");
      if (c.confidence_without) {
        fmt::print("            confidence without the join: {}\n", *c.confidence_without);
      }
      return;
    }
  }
}

void print_tests(const RuleTests& tests) {
  if (tests.match.empty() && tests.no_match.empty()) {
    fmt::print("tests:      none\n");
    return;
  }
  fmt::print("tests:\n");
  for (const MatchTest& t : tests.match) {
    fmt::print("  match     {}: {}\n", t.line.at.line, safe(t.line.value));
    for (const auto& [name, value] : t.captures) {
      fmt::print("              {} = \"{}\"\n", safe(name.value), safe(value.value));
    }
  }
  for (const LocatedString& line : tests.no_match) {
    fmt::print("  no_match  {}: {}\n", line.at.line, safe(line.value));
  }
}

void print_origin(const CollectedRule& collected) {
  fmt::print("origin:     {}\n", safe(format_position(collected.def.at)));
  for (const SourcePosition& at : collected.overridden_at) {
    fmt::print("changed at: {}\n", safe(format_position(at)));
  }
}

}  // namespace

void print_rule(const CompiledRule& rule, const CollectedRule& collected) {
  std::vector<std::string> sources;
  for (SourceKind kind : rule.sources) sources.emplace_back(to_string(kind));
  fmt::print("id:         {}\n", safe(rule.id));
  fmt::print("title:      {}\n", safe(rule.title));
  fmt::print("cause:      {}\n", safe(rule.cause));
  if (!rule.report) fmt::print("report:     no (context lines for other diagnoses)\n");
  fmt::print("severity:   {}\n", to_string(rule.severity));
  fmt::print("confidence: {}\n", rule.confidence);
  fmt::print("sources:    {}\n", sources.empty() ? "all" : joined(sources));
  fmt::print("tags:       {}\n", joined(rule.tags));
  fmt::print("enabled:    yes\n");
  print_origin(collected);
  fmt::print("key:        {}\n", joined(rule.key));
  fmt::print("captures:   {}\n", joined(rule.capture_names));
  std::vector<std::string> facts;
  for (const auto& [name, value] : rule.facts) facts.push_back(name + " = " + value);
  if (facts.empty()) facts.push_back("every capture that matched");
  fmt::print("facts:      {}\n", joined(facts));
  fmt::print("explains:   {}\n", joined(rule.explains));
  if (!rule.subsumed_by.empty()) fmt::print("subsumed by: {}\n", joined(rule.subsumed_by));
  fmt::print("match:\n");
  print_condition(rule.match, 1);
  print_patterns(rule);
  if (rule.correlate) print_correlate(*rule.correlate);
  fmt::print("fixes:{}\n", rule.fixes.empty() ? "      none" : "");
  for (const CompiledFix& fix : rule.fixes) {
    if (fix.kind == FixKind::config) {
      fmt::print("  in {}:\n    {}\n", safe(fix.file), safe(fix.text));
    } else {
      fmt::print("  {}{}\n", fix.kind == FixKind::shell ? "$ " : "step: ", safe(fix.text));
    }
    if (!fix.why.empty()) fmt::print("    {}\n", safe(fix.why));
  }
  print_tests(rule.tests);
}

void print_disabled_rule(const CollectedRule& collected) {
  const RuleDef& def = collected.def;
  fmt::print("id:         {}\n", safe(def.id.value));
  if (def.title) fmt::print("title:      {}\n", safe(def.title->value));
  if (def.cause) fmt::print("cause:      {}\n", safe(def.cause->value));
  fmt::print("enabled:    no (a disabled rule is not compiled; enable it to see its patterns)\n");
  print_origin(collected);
}

}  // namespace logdx::cli
