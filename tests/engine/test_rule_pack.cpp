// The built-in pack (rules/) must always load cleanly and pass its own embedded tests.
#include <catch2/catch.hpp>

#include "logdx/engine/rule_loader.hpp"
#include "logdx/engine/rule_tester.hpp"
#include "rule_test_support.hpp"

TEST_CASE("the built-in pack loads without problems and its embedded tests pass", "[rules]") {
  const logdx::RuleLoadResult result = logdx::RuleLoader().load({LOGDX_RULES_DIR});
  INFO(logdx::testing::render_all(result.diagnostics));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());  // warnings too: the pack sets the example
  const logdx::RuleTestReport report = logdx::run_rule_tests(*result.rules);
  INFO(logdx::testing::render_all(report.diagnostics));
  CHECK(report.ok());
}
