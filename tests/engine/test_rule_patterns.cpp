// Pattern expansion ({{macro}}, {{list:NAME}}) and the RE2 options rules compile with.
#include <catch2/catch.hpp>

#include "logdx/engine/condition_eval.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;

namespace {

bool matches(const RuleSet& set, std::string_view id, std::string message) {
  Event event;
  event.message = std::move(message);
  Captures captures;
  return rule_matches(*set.find(id), event, captures);
}

}  // namespace

TEST_CASE("a list value with regex metacharacters matches only literally", "[rules]") {
  const auto result = load_rules(R"yaml(logdx_rules: 1
lists:
  hosts: [a.b, "c+d", "(x)"]
rules:
  - id: r
    cause: c
    match: {regex: 'host={{list:hosts}}$'}
)yaml");
  INFO(render_all(result.diagnostics));
  REQUIRE(result.ok());
  const RuleSet& set = *result.rules;
  CHECK(matches(set, "r", "host=a.b"));
  CHECK_FALSE(matches(set, "r", "host=axb"));
  CHECK(matches(set, "r", "host=c+d"));
  CHECK_FALSE(matches(set, "r", "host=ccd"));
  CHECK(matches(set, "r", "host=(x)"));
}

TEST_CASE("a macro is grouped, so its alternation does not swallow the pattern", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
macros:
  verb: 'GET|POST'
  req: '{{verb}} (?P<path>/\S*)'
rules:
  - id: r
    cause: c
    match: {regex: '^{{req}} 500$'}
)");
  INFO(render_all(result.diagnostics));
  REQUIRE(result.ok());
  const RuleSet& set = *result.rules;
  CHECK(set.rules()[0].patterns[0].expanded == "^(?:(?:GET|POST) (?P<path>/\\S*)) 500$");
  CHECK(matches(set, "r", "POST /api 500"));
  CHECK_FALSE(matches(set, "r", "GET /api 200"));
  CHECK(set.rules()[0].capture_names == std::vector<std::string>{"path"});
}

TEST_CASE("a macro that uses itself is reported, not expanded forever", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
macros:
  loop: 'a{{loop}}'
rules:
  - id: r
    cause: c
    match: {regex: '{{loop}}'}
)");
  CHECK_FALSE(result.ok());
  const auto found = logdx::testing::with_code(result.diagnostics, RuleProblem::bad_regex);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("does 'loop' use itself?") != std::string::npos);
}

TEST_CASE("patterns match bytes: invalid UTF-8 in a line does not stop a match", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'killed (?P<name>.+) pid'}
)");
  REQUIRE(result.ok());
  Event event;
  event.message =
      "killed no\xff\xfe"
      "de pid";
  Captures captures;
  REQUIRE(rule_matches(result.rules->rules()[0], event, captures));
  CHECK(captures == Captures{{"name",
                              "no\xff\xfe"
                              "de"}});
  CHECK(result.rules->candidates(event) == std::vector<std::size_t>{0});
}

TEST_CASE("field predicates: values, in_list, regex, fields.KEY and not", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
lists:
  units: [openclaw.service]
rules:
  - id: r
    cause: c
    match:
      regex: 'exited'
      unit: {in_list: units}
      field: message
      not: {regex: 'code=0', field: fields.exit_code}
      source: [systemd]
)");
  INFO(render_all(result.diagnostics));
  REQUIRE(result.ok());
  Event event;
  event.message = "process exited";
  event.unit = "openclaw.service";
  event.source = SourceKind::systemd;
  event.set_field("exit_code", "code=1");
  Captures captures;
  CHECK(rule_matches(result.rules->rules()[0], event, captures));
  event.set_field("exit_code", "code=0");
  CHECK_FALSE(rule_matches(result.rules->rules()[0], event, captures));
  event.set_field("exit_code", "code=1");
  event.unit = "nginx.service";
  CHECK_FALSE(rule_matches(result.rules->rules()[0], event, captures));
}
