// The embedded `tests:` of rules: passing ones pass, each kind of failure is reported.
#include <catch2/catch.hpp>

#include "logdx/engine/rule_tester.hpp"
#include "logdx/parsers/text_events.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;

namespace {

RuleTestReport test_rules(const std::string& text) {
  const auto loaded = load_rules(text);
  INFO(render_all(loaded.diagnostics));
  REQUIRE(loaded.ok());
  return run_rule_tests(*loaded.rules);
}

// The same, each line also read through the built-in parsers as `logdx rules test` reads it.
RuleTestReport test_rules_parsed(const std::string& text) {
  const auto loaded = load_rules(text);
  INFO(render_all(loaded.diagnostics));
  REQUIRE(loaded.ok());
  const ParserRegistry registry = ParserRegistry::builtin();
  return run_rule_tests(*loaded.rules, [&registry](std::string_view line) {
    return read_text_events(registry, line);
  });
}

}  // namespace

TEST_CASE("embedded tests that hold pass, with one result per test", "[rules]") {
  const auto report = test_rules(R"(logdx_rules: 1
rules:
  - id: port-in-use
    cause: port_conflict
    sources: [gateway]
    match:
      all:
        - regex: 'EADDRINUSE.*:(?P<port>\d+)'
        - source: [gateway]
    tests:
      match:
        - line: "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
          captures: {port: "18789"}
        - "listen EADDRINUSE :80"
      no_match:
        - "listening on ws://127.0.0.1:18789"
)");
  INFO(render_all(report.diagnostics));
  CHECK(report.ok());
  REQUIRE(report.results.size() == 3);
  CHECK(report.results[0].rule == "port-in-use");
  CHECK(report.results[0].at.line == 12);
  CHECK(report.results[2].expect_match == false);
  CHECK(report.results[2].passed);
}

TEST_CASE("rule-test-failed: a match line that does not match", "[rules]") {
  const auto report = test_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'EADDRINUSE'}
    tests:
      match:
        - line: "address already in use"
)");
  REQUIRE(report.diagnostics.size() == 1);
  const RuleDiagnostic& d = report.diagnostics[0];
  CHECK(d.code == RuleProblem::rule_test_failed);
  CHECK(d.where.line == 8);
  CHECK(d.where.column == 17);
  CHECK(d.message == "embedded test of rule 'r' failed: the line does not match");
  CHECK(d.snippet == "          - line: \"address already in use\"\n                  ^");
}

TEST_CASE("rule-test-failed: a wrong or missing capture", "[rules]") {
  const auto report = test_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'port (?P<port>\d+)'}
    tests:
      match:
        - line: "port 80"
          captures: {port: "8080", host: "h"}
)");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].message ==
        "embedded test of rule 'r' failed: capture 'port' is \"80\", wanted \"8080\"; capture "
        "'host' is missing (wanted \"h\")");
}

TEST_CASE("rule-test-failed: a no_match line that matches", "[rules]") {
  const auto report = test_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'listen'}
    tests:
      no_match: ["listening on ws://127.0.0.1:18789"]
)");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].where.line == 7);
  CHECK(report.diagnostics[0].where.column == 18);
  CHECK(report.diagnostics[0].message ==
        "embedded test of rule 'r' failed: a no_match line matches");
  CHECK_FALSE(report.results[0].passed);
}

TEST_CASE("a test event carries the rule's first source, so sources filters hold", "[rules]") {
  const auto report = test_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    sources: [kernel, docker]
    match:
      regex: 'oom'
      source: kernel
    tests:
      match: ["oom-kill"]
)");
  CHECK(report.ok());
}

TEST_CASE("a match test may name the source of its wording; a non-scalar one is refused",
          "[rules]") {
  auto loaded = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match:
      regex: 'listen EADDRINUSE'
    tests:
      match:
        - line: "Error: listen EADDRINUSE"
          source: "node 0.10.48 net.js, captured"
)"}});
  REQUIRE(loaded.ok());
  const auto bad = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match:
      regex: 'listen EADDRINUSE'
    tests:
      match:
        - line: "Error: listen EADDRINUSE"
          source: [node, 0.10]
)"}});
  CHECK_FALSE(bad.ok());
}

// Through the parsers: analyze peels a journal / syslog line's envelope, so a rule sees
// "Error: listen EADDRINUSE: ..." (node 20 lib/net.js), never "node[4242]: Error: ...".
TEST_CASE("rule-test-failed: a match line that only the envelope makes match", "[rules]") {
  const std::string rule = R"(logdx_rules: 1
rules:
  - id: r
    cause: port_conflict
    match: {regex: 'node\[\d+\]: Error: listen EADDRINUSE'}
    tests:
      match:
        - "Nov 20 10:00:01 gw1 node[4242]: Error: listen EADDRINUSE: address already in use :::18789"
)";
  const auto report = test_rules_parsed(rule);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].where.line == 8);
  CHECK(report.diagnostics[0].where.column == 11);
  CHECK(report.diagnostics[0].message ==
        "embedded test of rule 'r' failed: matches the raw line but not the parsed event: "
        "message seen was 'Error: listen EADDRINUSE: address already in use :::18789'");
  CHECK_FALSE(report.results[0].passed);
  // Without the parsers the same test passes: the failure is the second way's.
  CHECK(test_rules(rule).ok());
}

TEST_CASE("a rule on the message passes both ways, with and without the envelope", "[rules]") {
  const auto report = test_rules_parsed(R"(logdx_rules: 1
rules:
  - id: r
    cause: port_conflict
    match: {regex: 'listen EADDRINUSE: address already in use \S*:(?P<port>\d+)'}
    tests:
      match:
        - line: "Nov 20 10:00:01 gw1 node[4242]: Error: listen EADDRINUSE: address already in use :::18789"
          captures: {port: "18789"}
        - line: "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
          captures: {port: "18789"}
        - "> `Error: listen EADDRINUSE: address already in use 127.0.0.1:18789`"
      no_match:
        - "Nov 20 10:00:01 gw1 node[4242]: listening on ws://127.0.0.1:18789"
)");
  INFO(render_all(report.diagnostics));
  CHECK(report.ok());
  CHECK(report.results.size() == 4);
}

TEST_CASE("rule-test-failed: a no_match look-alike that matches after parsing", "[rules]") {
  // The author meant "only the gateway's own line, not the journal's": but analyze peels the
  // journal prefix, and the rule fires on the message all the same.
  const auto report = test_rules_parsed(R"(logdx_rules: 1
rules:
  - id: r
    cause: port_conflict
    match: {regex: '^Error: listen EADDRINUSE'}
    tests:
      match: ["Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"]
      no_match:
        - "Nov 20 10:00:01 gw1 node[4242]: Error: listen EADDRINUSE: address already in use :::18789"
)");
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].where.line == 9);
  CHECK(report.diagnostics[0].message ==
        "embedded test of rule 'r' failed: a no_match line matches the parsed event: message "
        "seen was 'Error: listen EADDRINUSE: address already in use :::18789'");
  CHECK(report.results[0].passed);
  CHECK_FALSE(report.results[1].passed);
}

// A Markdown `pm2 ls` row reads as a compose `| name | ` prefix and a message one cell short:
// a rule that matched the message would name the version as the app. The raw way alone, where
// the test lists its captures, cannot see that.
TEST_CASE("rule-test-failed: the parsed event gives a listed capture another value", "[rules]") {
  const std::string rule = R"(logdx_rules: 1
rules:
  - id: r
    cause: crash
    match: {regex: '^(?P<word>[A-Za-z]+) '}
    tests:
      match:
        - line: "Mar  5 08:20:25 gw node[1]: started fine"
          captures: {word: "Mar"}
)";
  // raw, the first word is the stamp's month; parsed, the envelope is gone and it is the
  // message's
  CHECK(test_rules(rule).ok());
  const auto report = test_rules_parsed(rule);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].where.line == 8);
  CHECK(
      report.diagnostics[0].message.find(
          "the parsed event gives another value: capture 'word' is \"started\", wanted \"Mar\"") !=
      std::string::npos);
}
