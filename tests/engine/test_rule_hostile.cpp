// Hostile rule files are refused quickly with a clear error, never expanded or crashed on.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "logdx/engine/rule_reader.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;
using logdx::testing::with_code;

namespace {

// A "billion laughs": nine levels of nine aliases, 9^9 leaves if anything expanded it.
std::string alias_bomb() {
  std::string text =
      "logdx_rules: 1\nlists:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    text += "  l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", *l" : "*l") + std::to_string(level - 1);
    text += "]\n";
  }
  return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("a YAML alias bomb is refused at its first alias, quickly", "[rules]") {
  const auto start = std::chrono::steady_clock::now();
  const auto result = load_rules(alias_bomb());
  CHECK(seconds_since(start) < 1.0);
  INFO(render_all(result.diagnostics));
  const auto found = with_code(result.diagnostics, RuleProblem::yaml_syntax);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 4);
  CHECK(found[0].where.column == 12);
  CHECK(found[0].message.find("aliases (*name) are not allowed") != std::string::npos);
  CHECK_FALSE(result.ok());
}

TEST_CASE("anchors without aliases are harmless and allowed", "[rules]") {
  const auto result = load_rules(
      "logdx_rules: 1\nrules:\n  - &first\n    id: r\n    cause: c\n    match: {regex: x}\n");
  INFO(render_all(result.diagnostics));
  CHECK(result.ok());
}

TEST_CASE("an oversized rule file is refused before it is read", "[rules]") {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / "logdx_rules_oversized.yaml";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    std::fclose(f);
  }
  fs::resize_file(path, (std::size_t{8} << 20) + 1);  // sparse: costs no disk
  const auto start = std::chrono::steady_clock::now();
  const RuleReadResult result = RuleReader().read_file(path);
  const double took = seconds_since(start);
  fs::remove(path);
  CHECK(took < 0.5);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == RuleProblem::file_too_large);
  CHECK(result.diagnostics[0].message ==
        "rule file is 8388609 bytes, over the limit of 8388608 bytes");
  CHECK(result.file.rules.empty());
}

TEST_CASE("deep nesting is a yaml-syntax error, not a stack overflow", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\nrules: " + std::string(100000, '[') + "\n");
  INFO(render_all(result.diagnostics));
  CHECK(with_code(result.diagnostics, RuleProblem::yaml_syntax).size() == 1);
}

TEST_CASE("a second YAML document in a rule file is refused", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\n---\nlogdx_rules: 1\n");
  const auto found = with_code(result.diagnostics, RuleProblem::yaml_syntax);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("one YAML document") != std::string::npos);
}

TEST_CASE("garbage bytes and an empty file are reported, not crashed on", "[rules]") {
  const auto empty = load_rules("");
  CHECK(with_code(empty.diagnostics, RuleProblem::bad_version).size() == 1);
  const auto garbage = load_rules(std::string("\xff\xfe\x00\x01: [\x80", 7));
  CHECK_FALSE(garbage.ok());
  CHECK_FALSE(garbage.diagnostics.empty());
}

TEST_CASE("all problems of all files come at once, not just the first", "[rules]") {
  const auto result = load_rules({{"a.yaml", R"(logdx_rules: 1
rules:
  - id: one
    cause: Bad
    match: {regex: x}
  - id: two
    cause: c
    severity: loud
    match: {regex: y}
)"},
                                  {"b.yaml",
                                   "logdx_rules: 1\nrules:\n  - id: three\n"
                                   "    cause: c\n    match: {regex: '(z'}\n"}});
  CHECK(with_code(result.diagnostics, RuleProblem::bad_cause).size() == 1);
  CHECK(with_code(result.diagnostics, RuleProblem::bad_severity).size() == 1);
  CHECK(with_code(result.diagnostics, RuleProblem::bad_regex).size() == 1);
  CHECK(result.diagnostics.size() == 3);  // damaged rules cause no follow-up missing-key
  REQUIRE(result.diagnostics.size() == 3);
  // Sorted like the files read: a.yaml line 4, a.yaml line 8, then b.yaml.
  CHECK(result.diagnostics[0].code == RuleProblem::bad_cause);
  CHECK(result.diagnostics[1].code == RuleProblem::bad_severity);
  CHECK(result.diagnostics[2].where.file == "b.yaml");
}

TEST_CASE("a key written twice in one mapping is refused, not silently dropped", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'a'}
    match: {regex: 'b'}
  - id: s
    cause: c
    match: {all: [{regex: 'x'}, {regex: 'x'}]}
)");
  const auto found = with_code(result.diagnostics, RuleProblem::yaml_syntax);
  REQUIRE(found.size() == 1);  // equal values in a list are fine; the repeated key is not
  CHECK(found[0].where.line == 6);
  CHECK(found[0].where.column == 5);
  CHECK(found[0].message.find("the key 'match' appears twice") != std::string::npos);
}

TEST_CASE("empty lists:, macros: and rules: sections are simply empty", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\nlists:\nmacros:\nrules:\n");
  INFO(render_all(result.diagnostics));
  CHECK(result.ok());
}

TEST_CASE("a pattern over RE2's memory budget is a bad-regex, not a hang", "[rules]") {
  const char* const kText = R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: '\w{1,1000}x'}
)";
  const RuleLoader small(RuleReaderOptions{}, RuleCompilerOptions{.pattern_max_mem = 64 << 10});
  const auto start = std::chrono::steady_clock::now();
  const auto result = small.load_texts({{"t.yaml", kText}});
  CHECK(seconds_since(start) < 2.0);
  INFO(render_all(result.diagnostics));
  const auto found = with_code(result.diagnostics, RuleProblem::bad_regex);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.line == 5);
  CHECK(found[0].message == "RE2 refused the pattern: pattern too large - compile failed");
  CHECK(load_rules(kText).ok());  // the default budget takes it
}

TEST_CASE("RE2's limits on repetition come back as its own message", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: '((\w{1,100}){1,100}){1,100}'}
)");
  const auto found = with_code(result.diagnostics, RuleProblem::bad_regex);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "RE2 refused the pattern: invalid repetition size: {1,100}");
}
