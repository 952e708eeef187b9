// One test per problem code of docs/rules.md: the code, where it points (line:column, 1-based)
// and the caret snippet under the offending spot.
#include <catch2/catch.hpp>

#include "rule_test_support.hpp"
#include "rules/placeholder_coverage.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;
using logdx::testing::with_code;

namespace {

// The one diagnostic of `code`, checked to sit at line:column with a caret under that column
// of `source_line` (the line as the test wrote it).
RuleDiagnostic expect_one(const RuleLoadResult& result, RuleProblem code, int line, int column,
                          const std::string& source_line) {
  INFO(render_all(result.diagnostics));
  const auto found = with_code(result.diagnostics, code);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == line);
  CHECK(found[0].where.column == column);
  CHECK(found[0].severity == severity_of(code));
  CHECK(found[0].source_line == source_line);
  CHECK(found[0].snippet ==
        "  " + source_line + "\n  " + std::string(static_cast<std::size_t>(column - 1), ' ') + "^");
  return found[0];
}

}  // namespace

TEST_CASE("yaml-syntax: an unclosed flow list points at yaml-cpp's mark", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\nrules: [\n  - id: x\n");
  const auto d = expect_one(result, RuleProblem::yaml_syntax, 3, 3, "  - id: x");
  CHECK_FALSE(result.ok());
  CHECK(d.render_text().starts_with("t.yaml:3:3: error[yaml-syntax]: the file is not valid YAML"));
  CHECK(d.snippet == "    - id: x\n    ^");
}

TEST_CASE("unknown-key: a misspelt rule key suggests the close one", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    titel: "x"
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::unknown_key, 5, 5, "    titel: \"x\"");
  CHECK(d.message == "unknown key 'titel' in a rule; did you mean 'title'?");
  CHECK(d.snippet == "      titel: \"x\"\n      ^");
  CHECK(d.render_text() ==
        "t.yaml:5:5: error[unknown-key]: unknown key 'titel' in a rule; did you mean 'title'?\n"
        "      titel: \"x\"\n"
        "      ^");
}

TEST_CASE("unknown-key: no suggestion when nothing is within two edits", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\nbananas: 3\n");
  const auto d = expect_one(result, RuleProblem::unknown_key, 2, 1, "bananas: 3");
  CHECK(d.message == "unknown key 'bananas' in the file");
}

TEST_CASE("wrong-type: a mapping where a list of sources belongs", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    sources: {gateway: 1}
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::wrong_type, 5, 14, "    sources: {gateway: 1}");
  CHECK(d.message == "sources must be a value or a list of values");
  CHECK(d.snippet ==
        "      sources: {gateway: 1}\n"
        "               ^");
}

TEST_CASE("missing-key: a rule without cause points at the rule", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::missing_key, 3, 5, "  - id: r");
  CHECK(d.message == "rule 'r' has no 'cause'");
}

TEST_CASE("missing-key: a match that can hold without any scanned regex", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match:
      any:
        - regex: 'boom'
        - unit: openclaw.service
)");
  const auto d = expect_one(result, RuleProblem::missing_key, 6, 7, "      any:");
  CHECK(d.message.starts_with("match of rule 'r' has no regex that every match must hit"));
}

TEST_CASE("bad-version: a version this logdx does not read", "[rules]") {
  const auto result = load_rules("logdx_rules: 2\nrules: []\n");
  const auto d = expect_one(result, RuleProblem::bad_version, 1, 14, "logdx_rules: 2");
  CHECK(d.message == "'logdx_rules' is 2; this logdx reads version 1");
  CHECK(d.snippet == "  logdx_rules: 2\n               ^");
}

TEST_CASE("bad-version: a file without logdx_rules", "[rules]") {
  const auto result = load_rules("rules: []\n");
  expect_one(result, RuleProblem::bad_version, 1, 1, "rules: []");
}

TEST_CASE("bad-regex: RE2's message, pointing into the pattern", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'ok (unclosed'}
)");
  const auto d =
      expect_one(result, RuleProblem::bad_regex, 5, 21, "    match: {regex: 'ok (unclosed'}");
  CHECK(d.message == "RE2 refused the pattern: missing ): ok (unclosed");
  CHECK(d.snippet ==
        "      match: {regex: 'ok (unclosed'}\n"
        "                      ^");
  CHECK_FALSE(result.ok());
}

TEST_CASE("unknown-macro: the caret sits on the {{name}}", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'listen {{adr}}'}
)");
  const auto d =
      expect_one(result, RuleProblem::unknown_macro, 5, 28, "    match: {regex: 'listen {{adr}}'}");
  CHECK(d.message == "no file defines the macro 'adr'");
  CHECK(d.snippet ==
        "      match: {regex: 'listen {{adr}}'}\n"
        "                             ^");
}

TEST_CASE("unknown-list: in a pattern and in an in_list predicate", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match:
      regex: 'proc {{list:names}}'
      unit: {in_list: units}
)");
  INFO(render_all(result.diagnostics));
  const auto found = with_code(result.diagnostics, RuleProblem::unknown_list);
  REQUIRE(found.size() == 2);
  CHECK(found[0].where.line == 6);
  CHECK(found[0].where.column == 20);
  CHECK(found[0].message == "no file defines the list 'names'");
  CHECK(found[1].where.line == 7);
  CHECK(found[1].where.column == 23);
}

TEST_CASE("undefined-placeholder: a title placeholder no capture defines", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    title: "port {prot} busy"
    match: {regex: 'EADDRINUSE (?P<port>\d+)'}
)");
  const auto d = expect_one(result, RuleProblem::undefined_placeholder, 5, 18,
                            "    title: \"port {prot} busy\"");
  CHECK(d.message ==
        "placeholder '{prot}' in title of rule 'r' is not a named capture or fact of the rule");
  CHECK(d.snippet ==
        "      title: \"port {prot} busy\"\n"
        "                   ^");
}

TEST_CASE("undefined-placeholder: a fix may use a fact, not an unknown name", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'EADDRINUSE (?P<port>\d+)'}
    facts: {where: "{port}"}
    fixes:
      - command: "lsof -i :{where} && kill {pid}"
)");
  const auto d = expect_one(result, RuleProblem::undefined_placeholder, 8, 44,
                            "      - command: \"lsof -i :{where} && kill {pid}\"");
  CHECK(d.message.starts_with("placeholder '{pid}' in fixes"));
}

TEST_CASE("duplicate-id: both positions are named", "[rules]") {
  const auto result = load_rules({{"a.yaml",
                                   "logdx_rules: 1\nrules:\n  - id: r\n    cause: c\n"
                                   "    match: {regex: x}\n"},
                                  {"b.yaml",
                                   "logdx_rules: 1\nrules:\n  - id: r\n    cause: d\n"
                                   "    match: {regex: y}\n"}});
  const auto d = expect_one(result, RuleProblem::duplicate_id, 3, 9, "  - id: r");
  CHECK(d.where.file == "b.yaml");
  CHECK(d.message ==
        "rule 'r' is already defined at a.yaml:3:9 (write override: true to change it)");
  REQUIRE(d.related);
  CHECK(d.related->file == "a.yaml");
  CHECK(d.render_text().ends_with("\n  note: see a.yaml:3:9"));
}

TEST_CASE("override-unknown: overriding an id nobody defined", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: ghost
    override: true
    severity: info
)");
  const auto d = expect_one(result, RuleProblem::override_unknown, 3, 9, "  - id: ghost");
  CHECK(d.message == "rule 'ghost' has override: true, but no earlier rule has that id");
}

TEST_CASE("bad-cause: a cause that is not snake_case", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: Port-Conflict
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::bad_cause, 4, 12, "    cause: Port-Conflict");
  CHECK(d.message == "cause 'Port-Conflict' is not snake_case (a-z first, then a-z, 0-9, _)");
}

TEST_CASE("bad-cause: an explains entry that is not snake_case", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x'}
    explains: [ok_one, 2bad]
)");
  const auto d = expect_one(result, RuleProblem::bad_cause, 6, 24, "    explains: [ok_one, 2bad]");
  CHECK(d.message.starts_with("explains entry '2bad'"));
}

TEST_CASE("wrong-type: a subsumed_by entry that names no other rule", "[rules]") {
  SECTION("an id nobody defined") {
    const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: weak
    cause: restart_loop_pm2
    match: {regex: 'exited'}
    subsumed_by: [strong, ghost]
  - id: strong
    cause: restart_loop_pm2
    match: {regex: 'exited'}
)");
    const auto d =
        expect_one(result, RuleProblem::wrong_type, 6, 27, "    subsumed_by: [strong, ghost]");
    CHECK(d.message.find("subsumed_by entry 'ghost'") != std::string::npos);
    CHECK_FALSE(result.ok());
  }
  SECTION("the rule itself") {
    const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: weak
    cause: restart_loop_pm2
    match: {regex: 'exited'}
    subsumed_by: weak
)");
    expect_one(result, RuleProblem::wrong_type, 6, 18, "    subsumed_by: weak");
  }
  SECTION("a disabled rule is still a defined one") {
    const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: weak
    cause: restart_loop_pm2
    match: {regex: 'exited'}
    subsumed_by: [strong]
  - id: strong
    enabled: false
    cause: restart_loop_pm2
    match: {regex: 'exited'}
)");
    INFO(render_all(result.diagnostics));
    CHECK(result.ok());
  }
}

TEST_CASE("bad-severity: a severity out of its domain", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    severity: fatal
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::bad_severity, 5, 15, "    severity: fatal");
  CHECK(d.message == "severity 'fatal' is not one of info, warning, error, critical");
}

TEST_CASE("bad-confidence: a confidence above 1", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    confidence: 1.5
    match: {regex: 'x'}
)");
  const auto d = expect_one(result, RuleProblem::bad_confidence, 5, 17, "    confidence: 1.5");
  CHECK(d.message == "confidence 1.5 is not between 0 and 1");
}

TEST_CASE("bad-duration: a unit the language does not have", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x'}
    correlate:
      threshold: {count: 5, within: 10min}
)");
  const auto d = expect_one(result, RuleProblem::bad_duration, 7, 37,
                            "      threshold: {count: 5, within: 10min}");
  CHECK(d.message.starts_with("duration '10min' is not"));
}

TEST_CASE("catch-all-pattern: a pattern that matches the empty line warns only", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x*'}
)");
  const auto d =
      expect_one(result, RuleProblem::catch_all_pattern, 5, 20, "    match: {regex: 'x*'}");
  CHECK(d.severity == DiagnosticSeverity::warning);
  CHECK(result.ok());  // a warning does not stop the load
}

TEST_CASE("leading-dot-star: an unanchored pattern starting with .* warns", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: '(?i).*fatal'}
)");
  const auto d =
      expect_one(result, RuleProblem::leading_dot_star, 5, 20, "    match: {regex: '(?i).*fatal'}");
  CHECK(d.render_text().starts_with("t.yaml:5:20: warning[leading-dot-star]:"));
  CHECK(result.ok());
}

// Patterns run in Latin-1 (bytes), so `[✖×]` is a class of five bytes: it matches one byte of
// either sign and never the sign, and a rule written with it is silently dead.
TEST_CASE("multibyte-in-class: a character of several bytes in a class warns", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: '[✖×] failed'}
)");
  const auto d = expect_one(result, RuleProblem::multibyte_in_class, 5, 20,
                            "    match: {regex: '[✖×] failed'}");
  CHECK(d.render_text().starts_with("t.yaml:5:20: warning[multibyte-in-class]:"));
  CHECK(d.message.find("(?:x|✖)") != std::string::npos);
  CHECK(result.ok());
  // Written as alternatives, quoted with \Q...\E, escaped, or in a negated class (which only
  // stops earlier than written): nothing to say.
  for (const char* pattern : {"(?:✖|×) failed", "\\Q[✖]\\E failed", "\\[✖\\] failed",
                              "app=[^|│]+ failed", "[]✖] failed"}) {
    const auto clean = load_rules(std::string("logdx_rules: 1\nrules:\n  - id: r\n    cause: c\n"
                                              "    match: {regex: '") +
                                  pattern + "'}\n");
    INFO(pattern);
    CHECK(with_code(clean.diagnostics, RuleProblem::multibyte_in_class).size() ==
          (std::string_view(pattern) == "[]✖] failed" ? 1U : 0U));
  }
}

// A title or fix naming a group one branch or an optional part makes shows `{name}` to the
// reader on the other matches (shell-command-not-found's `command -v -f` came from a capture
// nobody checked): lint says so unless the placeholder has a fallback or the fix a `when:`.
TEST_CASE("optional-placeholder: a title naming a group not every match sets warns", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    title: "exited with code {code} after {signal|or:no signal}"
    match:
      any:
        - regex: 'exited with code (?P<code>\d+)(?: by (?P<signal>SIG\w+))?'
        - regex: 'killed by (?P<signal>SIG\w+)'
    fixes:
      - command: "kill -l {signal}"
        why: "which signal"
        when: signal
)");
  const auto d = expect_one(result, RuleProblem::optional_placeholder, 5, 30,
                            "    title: \"exited with code {code} after {signal|or:no signal}\"");
  CHECK(d.render_text().starts_with("t.yaml:5:30: warning[optional-placeholder]:"));
  CHECK(result.ok());
  // Every branch of `any` and every part of `all` that is not optional: always set.
  const auto clean = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    title: "{code} {name}"
    match:
      all:
        - any:
            - regex: '(?i)exited with code (?P<code>\d+)'
            - regex: 'status=(?P<code>\d+)/(?:FAILURE|\w+)'
        - regex: '^(?P<name>[^:|]+)(?:: |\|)'
)");
  CHECK(with_code(clean.diagnostics, RuleProblem::optional_placeholder).empty());
}

TEST_CASE("optional-placeholder: which groups a pattern always sets", "[rules]") {
  using logdx::rules::always_captured_groups;
  using Names = std::set<std::string, std::less<>>;
  CHECK(always_captured_groups(R"(a (?P<x>\d+) b(?P<y>c)?)") == Names{"x"});
  CHECK(always_captured_groups(R"((?:(?P<x>a)|b)(?P<y>[|)]+))") == Names{"y"});
  CHECK(always_captured_groups(R"((?P<x>a)|b)").empty());
  CHECK(always_captured_groups(R"((?i)(?P<x>a(?P<y>b|c))*)").empty());
  CHECK(always_captured_groups(R"((?P<x>a(?P<y>b|c)))") == Names{"x", "y"});
  CHECK(always_captured_groups(R"((?:(?P<x>a)){0,2}\((?P<y>b)\))") == Names{"y"});
}

TEST_CASE("file-too-large: refused before parsing, with the sizes", "[rules]") {
  const RuleLoader loader(RuleReaderOptions{.max_file_bytes = 64});
  const auto result = loader.load_texts({{"big.yaml", std::string(65, '#')}});
  const auto found = with_code(result.diagnostics, RuleProblem::file_too_large);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "rule file is 65 bytes, over the limit of 64 bytes");
  CHECK(found[0].render_text() == "big.yaml: error[file-too-large]: " + found[0].message);
}

TEST_CASE("every diagnostic has a JSON form that escapes and stays valid UTF-8", "[rules]") {
  auto source = std::make_shared<SourceText>();
  source->name = "q\"x.yaml";
  source->text = "bad: \"\xff\ttab\"\n";
  const RuleDiagnostic d = make_rule_diagnostic(
      RuleProblem::unknown_key, {source->name, 1, 1, source}, {"bad", "the file", ""});
  CHECK(d.render_json() ==
        "{\"code\":\"unknown-key\",\"severity\":\"error\",\"message\":\"unknown key 'bad' in the "
        "file\",\"file\":\"q\\\"x.yaml\",\"line\":1,\"column\":1,\"source_line\":\"bad: "
        "\\\"\\ufffd\\ttab\\\"\"}");
}
