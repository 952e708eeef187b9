#include "rules/rule_entry_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>

#include "rules/condition_reader.hpp"
#include "rules/names.hpp"

namespace logdx::rules {
namespace {

constexpr std::array<std::string_view, 18> kRuleKeys = {
    "id",          "title", "cause", "severity", "confidence", "sources",
    "tags",        "match", "key",   "facts",    "correlate",  "explains",
    "subsumed_by", "fixes", "tests", "override", "enabled",    "report"};

// Each reader returns false after reporting.
bool read_cause(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                YamlContext& context) {
  auto cause = context.scalar(value, key.at, "cause");
  if (!cause) return false;
  if (!is_snake_case(cause->value)) {
    context.report(RuleProblem::bad_cause, cause->at, {"cause", cause->value});
    return false;
  }
  rule.cause = std::move(cause);
  return true;
}

bool read_severity(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                   YamlContext& context) {
  auto text = context.scalar(value, key.at, "severity");
  if (!text) return false;
  auto severity = severity_from_string(text->value);
  if (!severity) {
    context.report(RuleProblem::bad_severity, text->at, {text->value});
    return false;
  }
  rule.severity = Located<Severity>{*severity, text->at};
  return true;
}

bool read_confidence(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                     YamlContext& context) {
  auto confidence = context.number(value, key.at, "confidence");
  if (!confidence) return false;
  if (!(confidence->value >= 0.0 && confidence->value <= 1.0)) {
    context.report(RuleProblem::bad_confidence, confidence->at, {value.Scalar()});
    return false;
  }
  rule.confidence = confidence;
  return true;
}

bool read_sources(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                  YamlContext& context) {
  auto names = context.scalars(value, key.at, "sources", true);
  if (!names) return false;
  std::vector<Located<SourceKind>> kinds;
  for (const LocatedString& name : *names) {
    auto kind = source_kind_from_string(name.value);
    if (!kind) {
      context.report(RuleProblem::wrong_type, name.at,
                     {fmt::format("source kind '{}'", name.value),
                      "one of gateway, pm2, systemd, kernel, docker, proxy, app, other"});
      return false;
    }
    kinds.push_back({*kind, name.at});
  }
  rule.sources = std::move(kinds);
  return true;
}

// The key a fix's text is written under names its kind; `in` belongs to an edit.
std::optional<FixKind> fix_kind_of_key(std::string_view key) {
  if (key == "command") return FixKind::shell;
  if (key == "edit") return FixKind::config;
  if (key == "step") return FixKind::manual;
  return std::nullopt;
}

// Exactly one of command / edit / step; `in` with an edit and only with one.
bool check_fix_shape(const Fix& fix, int texts, const SourcePosition& at, YamlContext& context) {
  if (texts == 0) {
    context.report(RuleProblem::missing_key, at, {"a fix", "'command', 'edit' or 'step'"});
    return false;
  }
  if (texts > 1) {
    context.report(RuleProblem::wrong_type, at,
                   {"a fix", "one of 'command', 'edit' or 'step', not several"});
    return false;
  }
  if (fix.kind == FixKind::config && !fix.file) {
    context.report(RuleProblem::missing_key, at, {"an 'edit' fix", "'in' (the file it goes in)"});
    return false;
  }
  if (fix.kind != FixKind::config && fix.file) {
    context.report(RuleProblem::wrong_type, fix.file->at,
                   {"'in'", "written only with 'edit' (a config edit)"});
    return false;
  }
  return true;
}

bool read_fix(const YAML::Node& item, const SourcePosition& at, Fix& fix, YamlContext& context) {
  static constexpr std::array<std::string_view, 7> kFixKeys = {"command", "edit", "in",    "step",
                                                               "why",     "when", "unless"};
  bool ok = true;
  int texts = 0;
  fix.at = at;
  for (auto it = item.begin(); it != item.end(); ++it) {
    auto name = context.key(it->first, "a fix");
    if (!name || !context.known_key(*name, kFixKeys, "a fix")) {
      ok = false;
      continue;
    }
    auto text = context.scalar(it->second, name->at, name->value);
    if (!text) {
      ok = false;
    } else if (const auto kind = fix_kind_of_key(name->value)) {
      fix.kind = *kind;
      fix.text = std::move(*text);
      ++texts;
    } else if (name->value == "in") {
      fix.file = std::move(*text);
    } else if (name->value == "when") {
      fix.when = std::move(*text);
    } else if (name->value == "unless") {
      fix.unless = std::move(*text);
    } else {
      fix.why = std::move(*text);
    }
  }
  return check_fix_shape(fix, texts, at, context) && ok;
}

bool read_fixes(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                YamlContext& context) {
  if (!context.expect_sequence(value, key.at, "fixes")) return false;
  std::vector<Fix> fixes;
  bool ok = true;
  for (const YAML::Node& item : value) {
    const SourcePosition at = context.at(item, key.at);
    if (!context.expect_map(item, at, "a fix")) {
      ok = false;
      continue;
    }
    Fix fix;
    if (!read_fix(item, at, fix, context)) ok = false;
    fixes.push_back(std::move(fix));
  }
  rule.fixes = std::move(fixes);
  return ok;
}

bool read_match_tests(const YAML::Node& value, const LocatedString& key, RuleTests& tests,
                      YamlContext& context) {
  if (!context.expect_sequence(value, key.at, "tests match")) return false;
  static constexpr std::array<std::string_view, 3> kTestKeys = {"line", "captures", "source"};
  bool ok = true;
  for (const YAML::Node& item : value) {
    const SourcePosition at = context.at(item, key.at);
    MatchTest test;
    if (item.IsScalar()) {  // a bare line: must match, captures unchecked
      test.line = {item.Scalar(), at};
      tests.match.push_back(std::move(test));
      continue;
    }
    if (!context.expect_map(item, at, "a match test")) {
      ok = false;
      continue;
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
      auto name = context.key(it->first, "a match test");
      if (!name || !context.known_key(*name, kTestKeys, "a match test")) {
        ok = false;
      } else if (name->value == "line") {
        auto line = context.scalar(it->second, name->at, "line");
        if (line) test.line = std::move(*line);
        ok = ok && line.has_value();
      } else if (name->value == "source") {
        auto source = context.scalar(it->second, name->at, "source");
        if (source) test.source = std::move(*source);
        ok = ok && source.has_value();
      } else {
        auto captures = context.string_map(it->second, name->at, "captures");
        if (captures) test.captures = std::move(*captures);
        ok = ok && captures.has_value();
      }
    }
    if (test.line.at.line == 0) {
      context.report(RuleProblem::missing_key, at, {"a match test", "'line'"});
      ok = false;
    }
    tests.match.push_back(std::move(test));
  }
  return ok;
}

bool read_tests(const YAML::Node& value, const LocatedString& key, RuleDef& rule,
                YamlContext& context) {
  if (!context.expect_map(value, key.at, "tests")) return false;
  static constexpr std::array<std::string_view, 2> kKeys = {"match", "no_match"};
  RuleTests tests;
  bool ok = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    auto name = context.key(it->first, "tests");
    if (!name || !context.known_key(*name, kKeys, "tests")) {
      ok = false;
    } else if (name->value == "match") {
      ok = read_match_tests(it->second, *name, tests, context) && ok;
    } else {
      auto lines = context.scalars(it->second, name->at, "no_match", false);
      if (lines) tests.no_match = std::move(*lines);
      ok = ok && lines.has_value();
    }
  }
  rule.tests = std::move(tests);
  return ok;
}

template <typename T>
bool assign(std::optional<T>& target, std::optional<T> value) {
  if (!value) return false;
  target = std::move(value);
  return true;
}

template <typename T>
bool assign(HeapOptional<T>& target, std::optional<T> value) {
  if (!value) return false;
  target = std::move(*value);
  return true;
}

bool read_entry(const LocatedString& key, const YAML::Node& value, RuleDef& rule,
                YamlContext& context) {
  const std::string& k = key.value;
  const SourcePosition at = context.at(value, key.at);
  if (k == "id") {
    auto id = context.scalar(value, key.at, "id");
    if (id) rule.id = std::move(*id);
    return id.has_value();
  }
  if (k == "title") return assign(rule.title, context.scalar(value, key.at, "title"));
  if (k == "cause") return read_cause(value, key, rule, context);
  if (k == "severity") return read_severity(value, key, rule, context);
  if (k == "confidence") return read_confidence(value, key, rule, context);
  if (k == "sources") return read_sources(value, key, rule, context);
  if (k == "tags") return assign(rule.tags, context.scalars(value, key.at, "tags", true));
  if (k == "match") return assign(rule.match, read_condition(value, at, context));
  if (k == "key") return assign(rule.key, context.scalars(value, key.at, "key", true));
  if (k == "facts") return assign(rule.facts, context.string_map(value, key.at, "facts"));
  if (k == "correlate") return assign(rule.correlate, read_correlate(value, at, context));
  if (k == "explains") {
    return assign(rule.explains, context.scalars(value, key.at, "explains", true));
  }
  if (k == "subsumed_by") {
    return assign(rule.subsumed_by, context.scalars(value, key.at, "subsumed_by", true));
  }
  if (k == "fixes") return read_fixes(value, key, rule, context);
  if (k == "tests") return read_tests(value, key, rule, context);
  if (k == "override") {
    auto flag = context.boolean(value, key.at, "override");
    if (flag) rule.override_ = flag->value;
    return flag.has_value();
  }
  if (k == "report") return assign(rule.report, context.boolean(value, key.at, "report"));
  return assign(rule.enabled, context.boolean(value, key.at, "enabled"));
}

}  // namespace

std::optional<RuleDef> read_rule(const YAML::Node& node, const SourcePosition& where,
                                 YamlContext& context) {
  if (!context.expect_map(node, where, "a rule")) return std::nullopt;
  RuleDef rule;
  rule.at = context.at(node, where);
  bool has_id_key = false;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto key = context.key(it->first, "a rule");
    if (!key || !context.known_key(*key, kRuleKeys, "a rule")) {
      rule.damaged = true;
      continue;
    }
    has_id_key = has_id_key || key->value == "id";
    if (!read_entry(*key, it->second, rule, context)) rule.damaged = true;
  }
  if (rule.id.at.line == 0) {
    if (!has_id_key) context.report(RuleProblem::missing_key, rule.at, {"a rule", "'id'"});
    return std::nullopt;
  }
  if (!is_kebab_case(rule.id.value)) {
    context.report(RuleProblem::wrong_type, rule.id.at,
                   {fmt::format("rule id '{}'", rule.id.value), "kebab-case (a-z, 0-9, '-')"});
    rule.damaged = true;
  }
  return rule;
}

}  // namespace logdx::rules
