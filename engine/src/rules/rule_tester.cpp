#include "logdx/engine/rule_tester.hpp"

#include <fmt/format.h>

#include "logdx/engine/condition_eval.hpp"

namespace logdx {
namespace {

Event test_event(const CompiledRule& rule, const std::string& line) {
  Event event;
  event.message = line;
  event.raw = line;
  event.source = rule.sources.empty() ? SourceKind::other : rule.sources.front();
  return event;
}

std::string capture_problems(const MatchTest& test, const Captures& got) {
  std::string out;
  for (const auto& [name, want] : test.captures) {
    const std::string* value = nullptr;
    for (const auto& [key, v] : got) {
      if (key == name.value) value = &v;
    }
    if (!value) {
      out += fmt::format("{}capture '{}' is missing (wanted \"{}\")", out.empty() ? "" : "; ",
                         name.value, want.value);
    } else if (*value != want.value) {
      out += fmt::format("{}capture '{}' is \"{}\", wanted \"{}\"", out.empty() ? "" : "; ",
                         name.value, *value, want.value);
    }
  }
  return out;
}

void record(const CompiledRule& rule, RuleTestResult result, RuleTestReport& report) {
  if (!result.passed) {
    report.diagnostics.push_back(
        make_rule_diagnostic(RuleProblem::rule_test_failed, result.at, {rule.id, result.detail}));
  }
  report.results.push_back(std::move(result));
}

void run_into(const CompiledRule& rule, RuleTestReport& report) {
  for (const MatchTest& test : rule.tests.match) {
    Captures captures;
    RuleTestResult result{rule.id, test.line.at, true, false, {}};
    if (!rule_matches(rule, test_event(rule, test.line.value), captures)) {
      result.detail = "the line does not match";
    } else {
      result.detail = capture_problems(test, captures);
      result.passed = result.detail.empty();
    }
    record(rule, std::move(result), report);
  }
  for (const LocatedString& line : rule.tests.no_match) {
    Captures captures;
    RuleTestResult result{rule.id, line.at, false, false, {}};
    result.passed = !rule_matches(rule, test_event(rule, line.value), captures);
    if (!result.passed) result.detail = "a no_match line matches";
    record(rule, std::move(result), report);
  }
}

}  // namespace

RuleTestReport run_rule_tests(const RuleSet& rules) {
  RuleTestReport report;
  for (const CompiledRule& rule : rules.rules()) run_into(rule, report);
  return report;
}

RuleTestReport run_rule_tests(const CompiledRule& rule) {
  RuleTestReport report;
  run_into(rule, report);
  return report;
}

}  // namespace logdx
