// Collector semantics: override patches, enabled toggles, lists/macros merge across files.
#include <catch2/catch.hpp>

#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_reader.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;
using logdx::testing::with_code;

namespace {

const char* const kPack = R"(logdx_rules: 1
rules:
  - id: port-in-use
    title: "port {port} in use"
    cause: port_conflict
    severity: critical
    tags: [startup, network]
    match: {regex: 'EADDRINUSE (?P<port>\d+)'}
  - id: noisy
    cause: noise
    match: {regex: 'noise'}
)";

}  // namespace

TEST_CASE("override: true replaces only the keys it writes, whole", "[rules]") {
  const auto result = load_rules({{"pack.yaml", kPack}, {"user.yaml", R"(logdx_rules: 1
rules:
  - id: port-in-use
    override: true
    severity: warning
    tags: [mine]
)"}});
  INFO(render_all(result.diagnostics));
  REQUIRE(result.ok());
  const CompiledRule* rule = result.rules->find("port-in-use");
  REQUIRE(rule);
  CHECK(rule->severity == Severity::warning);             // patched
  CHECK(rule->tags == std::vector<std::string>{"mine"});  // replaced, not appended
  CHECK(rule->title == "port {port} in use");             // kept
  CHECK(rule->cause == "port_conflict");                  // kept
  CHECK(rule->origin.file == "pack.yaml");                // still where it was defined
  CHECK(result.rules->rules()[0].id == "port-in-use");    // keeps its place
}

TEST_CASE("override of match replaces the whole condition and recompiles", "[rules]") {
  const auto result = load_rules({{"pack.yaml", kPack}, {"user.yaml", R"(logdx_rules: 1
rules:
  - id: port-in-use
    override: true
    match: {regex: 'address in use :(?P<port>\d+)'}
)"}});
  REQUIRE(result.ok());
  Event event;
  event.message = "EADDRINUSE 80";
  CHECK(result.rules->candidates(event).empty());
  event.message = "address in use :80";
  CHECK(result.rules->candidates(event) == std::vector<std::size_t>{0});
}

TEST_CASE("enabled: false disables a rule, a later enabled: true brings it back", "[rules]") {
  const RuleText off{"off.yaml", "logdx_rules: 1\nrules:\n  - id: noisy\n    enabled: false\n"};
  const auto disabled = load_rules({{"pack.yaml", kPack}, off});
  INFO(render_all(disabled.diagnostics));
  REQUIRE(disabled.ok());
  CHECK(disabled.rules->find("noisy") == nullptr);
  CHECK(disabled.rules->rules().size() == 1);
  Event event;
  event.message = "noise";
  CHECK(disabled.rules->candidates(event).empty());  // not in the scan either

  const auto back = load_rules(
      {{"pack.yaml", kPack},
       off,
       {"on.yaml",
        "logdx_rules: 1\nrules:\n  - id: noisy\n    override: true\n    enabled: true\n"}});
  REQUIRE(back.ok());
  CHECK(back.rules->find("noisy") != nullptr);
}

TEST_CASE("a disabled rule's broken pattern does not fail the load", "[rules]") {
  const auto result = load_rules(R"(logdx_rules: 1
rules:
  - id: broken
    cause: c
    enabled: false
    match: {regex: '(unclosed'}
  - id: fine
    cause: c
    match: {regex: 'ok'}
)");
  INFO(render_all(result.diagnostics));
  CHECK(result.ok());
}

TEST_CASE("a duplicate of the built-in pack's id says how to test a copy of the pack", "[rules]") {
  // the pack's files are named builtin:rules/NAME when logdx loads them
  const auto result =
      load_rules({{"builtin:rules/00-common.yaml", "logdx_rules: 1\nlists:\n  names: [a]\n"},
                  {"copy/00-common.yaml", "logdx_rules: 1\nlists:\n  names: [a]\n"}});
  const auto found = with_code(result.diagnostics, RuleProblem::duplicate_id);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "list 'names' is already defined at builtin:rules/00-common.yaml:3:3 by the built-in "
        "pack (to test or lint a copy of the pack, add --no-builtin-rules)");
}

TEST_CASE("enabled: false for an unknown id is override-unknown", "[rules]") {
  const auto result = load_rules("logdx_rules: 1\nrules:\n  - id: nobody\n    enabled: false\n");
  const auto found = with_code(result.diagnostics, RuleProblem::override_unknown);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "rule 'nobody' only sets enabled, but no earlier rule has that id");
}

TEST_CASE("lists and macros merge across files; redefining one names both places", "[rules]") {
  const auto result = load_rules(
      {{"a.yaml", "logdx_rules: 1\nlists:\n  names: [a]\nmacros:\n  num: '\\d+'\n"},
       {"b.yaml",
        "logdx_rules: 1\nlists:\n  more: [b]\n  names: [c]\n"
        "rules:\n  - id: r\n    cause: c\n    match: {regex: '{{list:more}} {{num}}'}\n"}});
  INFO(render_all(result.diagnostics));
  const auto found = with_code(result.diagnostics, RuleProblem::duplicate_id);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.file == "b.yaml");
  CHECK(found[0].where.line == 4);
  CHECK(found[0].message == "list 'names' is already defined at a.yaml:3:3");
  REQUIRE(found[0].related);
  CHECK(found[0].related->line == 3);
  // The rule itself used a list of b.yaml and a macro of a.yaml: both resolved.
  CHECK(with_code(result.diagnostics, RuleProblem::unknown_list).empty());
  CHECK(with_code(result.diagnostics, RuleProblem::unknown_macro).empty());
}

TEST_CASE("the collector stage alone: definition order and the patched values", "[rules]") {
  const RuleReader reader;
  const auto pack = reader.read_text(kPack, "pack.yaml");
  const auto user = reader.read_text(
      "logdx_rules: 1\nrules:\n  - id: noisy\n    override: true\n    confidence: 0.3\n",
      "user.yaml");
  REQUIRE(pack.ok());
  REQUIRE(user.ok());
  RuleCollector collector;
  collector.add(pack.file);
  collector.add(user.file);
  const RuleCollection collection = collector.finish();
  CHECK(collector.diagnostics().empty());
  REQUIRE(collection.rules.size() == 2);
  const CollectedRule* noisy = collection.find("noisy");
  REQUIRE(noisy);
  REQUIRE(noisy->def.confidence);
  CHECK(noisy->def.confidence->value == Approx(0.3));
  CHECK(noisy->def.confidence->at.file == "user.yaml");
  REQUIRE(noisy->overridden_at.size() == 1);
  CHECK(noisy->overridden_at[0].line == 3);
}
