// `formats:` in rule files (docs/rules.md "Formats"): what the loader accepts, and every
// problem it reports with the file:line:column of the value at fault.
#include <catch2/catch.hpp>

#include "logdx/parsers/parser_registry.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;
using logdx::testing::with_code;

namespace {

// A wrapper prefix as electron-log's file transport writes it (electron-log v5 default
// format '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}').
const char* const kGood = R"(logdx_rules: 1
formats:
  - id: desk-wrapper
    description: "a desktop wrapper's log"
    regex: '\[(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\] \[(?P<level>[a-z]+)\] +(?P<message>.*)'
    time_format: '%Y-%m-%d %H:%M:%S.%f'
    samples:
      - "[2026-03-23 14:57:06.458] [warn]  System proxy mode enabled"
)";

std::string with_format(const std::string& regex, const std::string& time_format,
                        const std::string& sample) {
  return "logdx_rules: 1\nformats:\n  - id: mine\n    regex: '" + regex + "'\n    time_format: '" +
         time_format + "'\n    samples:\n      - \"" + sample + "\"\n";
}

}  // namespace

TEST_CASE("a declared format with passing samples is loaded and compiled", "[formats]") {
  const RuleLoadResult result = load_rules(kGood);
  INFO(render_all(result.diagnostics));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.formats.size() == 1);
  CHECK(result.formats[0]->info().name == "desk-wrapper");
  CHECK(result.formats[0]->reads("[2026-03-23 14:57:05.967] [info]  [OpenClaw] poll #5"));
  CHECK_FALSE(result.formats[0]->reads("2026-03-23 14:57:05 [info] not this shape"));
}

TEST_CASE("a format's bad regex is a bad-regex error at the pattern", "[formats]") {
  const RuleLoadResult result = load_rules(with_format("(?P<message>.*", "", "x"), "f.yaml");
  const auto bad = with_code(result.diagnostics, RuleProblem::bad_regex);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].where.file == "f.yaml");
  CHECK(bad[0].where.line == 4);
  CHECK(bad[0].where.column == 12);
  CHECK(result.formats.empty());
  CHECK_FALSE(result.ok());
}

TEST_CASE("a format's group outside the known names is unknown-group", "[formats]") {
  const RuleLoadResult result =
      load_rules(with_format("(?P<thread>\\w+) (?P<message>.*)", "", "main hello"), "f.yaml");
  const auto bad = with_code(result.diagnostics, RuleProblem::unknown_group);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].where.line == 4);
  CHECK(bad[0].message.find("'thread'") != std::string::npos);
}

TEST_CASE("a format without a message group or with an unknown time format is bad-format",
          "[formats]") {
  const RuleLoadResult no_message = load_rules(with_format("(?P<level>\\w+) .*", "", "x y"));
  REQUIRE(with_code(no_message.diagnostics, RuleProblem::bad_format).size() == 1);
  const RuleLoadResult bad_time =
      load_rules(with_format("(?P<time>\\S+) (?P<message>.*)", "%Q", "x y"), "f.yaml");
  const auto bad = with_code(bad_time.diagnostics, RuleProblem::bad_format);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].where.line == 5);  // at time_format
}

TEST_CASE("a sample the format does not read is sample-mismatch at that sample", "[formats]") {
  // The time group matches but is not the declared format (day 41): the sample fails too.
  const std::string text = R"(logdx_rules: 1
formats:
  - id: mine
    regex: '(?P<time>\d{4}-\d\d-\d\d) (?P<message>.*)'
    time_format: '%Y-%m-%d'
    samples:
      - "2026-03-05 fine"
      - "no stamp here"
      - "2026-03-41 bad day"
)";
  const RuleLoadResult result = load_rules(text, "s.yaml");
  const auto bad = with_code(result.diagnostics, RuleProblem::sample_mismatch);
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].where.line == 8);
  CHECK(bad[0].where.column == 9);
  CHECK(bad[1].where.line == 9);
  CHECK(bad[0].render_text().find("s.yaml:8:9") == 0);
  CHECK(result.formats.empty());
}

TEST_CASE("a format needs samples, and ids are unique and not a built-in parser's", "[formats]") {
  const RuleLoadResult no_samples =
      load_rules("logdx_rules: 1\nformats:\n  - id: mine\n    regex: '(?P<message>.*)'\n");
  CHECK(with_code(no_samples.diagnostics, RuleProblem::missing_key).size() == 1);

  const RuleLoadResult twice = load_rules({{"a.yaml", kGood}, {"b.yaml", kGood}});
  const auto dup = with_code(twice.diagnostics, RuleProblem::duplicate_id);
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].where.file == "b.yaml");
  CHECK(twice.formats.size() == 1);

  const RuleLoadResult builtin =
      load_rules(with_format("(?P<message>.*)", "", "anything"), "p.yaml");
  CHECK(with_code(builtin.diagnostics, RuleProblem::duplicate_id).empty());
  std::string plain = with_format("(?P<message>.*)", "", "anything");
  plain.replace(plain.find("id: mine"), 8, "id: plain");
  CHECK(with_code(load_rules(plain).diagnostics, RuleProblem::duplicate_id).size() == 1);
}

TEST_CASE("a declared format joins the registry and claims its lines", "[formats]") {
  const RuleLoadResult result = load_rules(kGood);
  REQUIRE(result.formats.size() == 1);
  ParserRegistry registry = ParserRegistry::builtin();
  add_line_formats(registry, result.formats);
  auto parser = registry.create("desk-wrapper", ParserOptions{});
  REQUIRE(parser != nullptr);
  Event event;
  REQUIRE(parser->parse_line("[2026-03-23 14:57:06.981] [error] Error: listen EACCES", event,
                             nullptr) == LineVerdict::record);
  CHECK(event.message == "Error: listen EACCES");
  CHECK(event.level == Level::error);
  CHECK(event.time.kind == TimeKind::local);
  CHECK(event.time_text == "2026-03-23 14:57:06.981");
}

TEST_CASE("load_formats reads only formats: a broken rule does not hide them", "[formats]") {
  const std::string text = std::string(kGood) + "rules:\n  - id: x\n    cause: Not_Snake\n";
  const RuleLoadResult result = RuleLoader().load_formats({{"m.yaml", text}});
  CHECK(result.formats.size() == 1);
  CHECK(result.diagnostics.empty());
}
