// `logdx --version`: the rule pack's identity is counted from the pack itself.

#include <catch2/catch.hpp>

#include "version_text.hpp"

TEST_CASE("version text: program, rule pack (rules, files, language, digest), schemas") {
  const std::vector<logdx::RuleText> pack = {
      {"builtin:rules/a.yaml",
       "logdx_rules: 1\nrules:\n  - id: one\n    cause: c\n    match: {message: 'boom'}\n"
       "  - id: two\n    cause: c\n    match: {message: 'bang'}\n    enabled: false\n"},
      {"builtin:rules/b.yaml",
       "logdx_rules: 1\nrules:\n  - id: three\n    cause: c\n    match: {message: 'x'}\n"}};
  const std::string text = logdx::cli::version_text("9.8.7", pack, 4);
  INFO(text);
  CHECK_THAT(text, Catch::StartsWith("logdx 9.8.7\n"));
  CHECK_THAT(text, Catch::Contains("rule pack: 3 rules (2 enabled) in 2 files, rule language 1, "
                                   "digest " +
                                   logdx::cli::rule_pack_digest(pack)));
  CHECK_THAT(text, Catch::EndsWith("schemas: analysis JSON logdx.analysis/2, history database 4"));
}

TEST_CASE("version text: the digest changes with any byte of any pack file") {
  std::vector<logdx::RuleText> pack = {{"builtin:rules/a.yaml", "logdx_rules: 1\n"}};
  const std::string before = logdx::cli::rule_pack_digest(pack);
  CHECK_THAT(before, Catch::StartsWith("xxh3:"));
  pack[0].text = "logdx_rules: 1\n ";
  CHECK(logdx::cli::rule_pack_digest(pack) != before);
  pack[0].text = "logdx_rules: 1\n";
  pack[0].name = "builtin:rules/b.yaml";
  CHECK(logdx::cli::rule_pack_digest(pack) != before);
}
