// The built-in pack (rules/) must always load cleanly and pass its own embedded tests, each
// line both raw and read through the parsers as `logdx rules test` reads it.
#include <catch2/catch.hpp>

#include "logdx/engine/rule_loader.hpp"
#include "logdx/engine/rule_tester.hpp"
#include "logdx/parsers/line_format.hpp"
#include "logdx/parsers/text_events.hpp"
#include "rule_test_support.hpp"

TEST_CASE("the built-in pack loads without problems and its embedded tests pass", "[rules]") {
  const logdx::RuleLoadResult result = logdx::RuleLoader().load({LOGDX_RULES_DIR});
  INFO(logdx::testing::render_all(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());  // warnings too: the pack sets the example
  logdx::ParserRegistry registry = logdx::ParserRegistry::builtin();
  logdx::add_line_formats(registry, result.formats);
  const logdx::RuleTestReport report = logdx::run_rule_tests(
      *result.rules,
      [&registry](std::string_view line) { return logdx::read_text_events(registry, line); });
  INFO(logdx::testing::render_all(report.diagnostics));
  CHECK(report.ok());
}
