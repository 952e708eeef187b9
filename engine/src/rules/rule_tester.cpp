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

// The line read as analyze reads it, and the first of its events the rule matches (nullptr:
// none). Reading is the caller's (TestLineReader), so the events are kept here for the message.
struct ParsedLine {
  std::vector<Event> events;
  const Event* matched = nullptr;
  Captures captures;  // what `matched` gave
};

ParsedLine parse_and_match(const CompiledRule& rule, const std::string& line,
                           const TestLineReader& read_line) {
  ParsedLine parsed{read_line(line), nullptr, {}};
  for (const Event& event : parsed.events) {
    Captures captures;
    if (rule_matches(rule, event, captures)) {
      parsed.matched = &event;
      parsed.captures = std::move(captures);
      break;
    }
  }
  return parsed;
}

// The listed captures the parsed event gives with another value than the test lists: the
// finding `analyze` makes would name the wrong app, port or path. A capture the parsed event
// lacks is not a problem here: the parsers may split a test of several lines into events that
// each carry a part of it, and the finding gathers them.
std::string parsed_capture_problems(const MatchTest& test, const Captures& got) {
  std::string out;
  for (const auto& [name, want] : test.captures) {
    for (const auto& [key, value] : got) {
      if (key != name.value || value == want.value) continue;
      out += fmt::format("{}capture '{}' is \"{}\", wanted \"{}\"", out.empty() ? "" : "; ",
                         name.value, value, want.value);
    }
  }
  return out;
}

// What the rule was shown after parsing, for the failure message: every event's message.
std::string messages_seen(const std::vector<Event>& events) {
  if (events.empty()) return "the parsers made no event of it";
  std::string quoted;
  for (const Event& event : events) {
    quoted += fmt::format("{}'{}'", quoted.empty() ? "" : ", ", event.message);
  }
  return fmt::format("{} {}", events.size() == 1 ? "message seen was" : "messages seen were",
                     quoted);
}

void record(const CompiledRule& rule, RuleTestResult result, RuleTestReport& report) {
  if (!result.passed) {
    report.diagnostics.push_back(
        make_rule_diagnostic(RuleProblem::rule_test_failed, result.at, {rule.id, result.detail}));
  }
  report.results.push_back(std::move(result));
}

// "" when the line matches raw with the listed captures and, given a reader, after parsing.
std::string match_problem(const CompiledRule& rule, const MatchTest& test,
                          const TestLineReader& read_line) {
  Captures captures;
  if (!rule_matches(rule, test_event(rule, test.line.value), captures)) {
    return "the line does not match";
  }
  if (std::string problems = capture_problems(test, captures); !problems.empty()) return problems;
  if (!read_line) return {};
  const ParsedLine parsed = parse_and_match(rule, test.line.value, read_line);
  if (parsed.matched == nullptr) {
    return fmt::format("matches the raw line but not the parsed event: {}",
                       messages_seen(parsed.events));
  }
  if (std::string problems = parsed_capture_problems(test, parsed.captures); !problems.empty()) {
    return fmt::format("the parsed event gives another value: {}: message seen was '{}'",
                       problems, parsed.matched->message);
  }
  return {};
}

// "" when the line matches neither raw nor, given a reader, after parsing.
std::string no_match_problem(const CompiledRule& rule, const LocatedString& line,
                             const TestLineReader& read_line) {
  Captures captures;
  if (rule_matches(rule, test_event(rule, line.value), captures)) {
    return "a no_match line matches";
  }
  if (!read_line) return {};
  const ParsedLine parsed = parse_and_match(rule, line.value, read_line);
  if (parsed.matched == nullptr) return {};
  return fmt::format("a no_match line matches the parsed event: message seen was '{}'",
                     parsed.matched->message);
}

void run_into(const CompiledRule& rule, const TestLineReader& read_line, RuleTestReport& report) {
  for (const MatchTest& test : rule.tests.match) {
    RuleTestResult result{rule.id, test.line.at, true, false, {}};
    result.detail = match_problem(rule, test, read_line);
    result.passed = result.detail.empty();
    record(rule, std::move(result), report);
  }
  for (const LocatedString& line : rule.tests.no_match) {
    RuleTestResult result{rule.id, line.at, false, false, {}};
    result.detail = no_match_problem(rule, line, read_line);
    result.passed = result.detail.empty();
    record(rule, std::move(result), report);
  }
}

}  // namespace

RuleTestReport run_rule_tests(const RuleSet& rules, const TestLineReader& read_line) {
  RuleTestReport report;
  for (const CompiledRule& rule : rules.rules()) run_into(rule, read_line, report);
  return report;
}

RuleTestReport run_rule_tests(const CompiledRule& rule, const TestLineReader& read_line) {
  RuleTestReport report;
  run_into(rule, read_line, report);
  return report;
}

}  // namespace logdx
