// The built-in pack's build-time form (rule_file_codec.hpp, rule_regex.hpp, named_groups.hpp):
// a rule file read once, encoded, decoded at start-up gives the same rules, positions and
// diagnostics; its patterns are compiled only when used; a damaged encoding is never trusted.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "logdx/engine/condition_eval.hpp"
#include "logdx/engine/rule_file_codec.hpp"
#include "logdx/engine/rule_loader.hpp"
#include "logdx/engine/rule_tester.hpp"
#include "rule_test_support.hpp"
#include "rules/named_groups.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kFile = R"(logdx_rules: 1
macros:
  port: '(?P<port>\d{2,5})'
rules:
  - id: port-in-use
    title: 'port {port} taken'
    cause: port_conflict
    severity: critical
    confidence: 0.9
    sources: [gateway]
    match:
      all:
        - regex: 'EADDRINUSE.*:{{port}}'
        - not: {regex: 'retrying'}
    correlate:
      threshold: {count: 2, within: 30s, group_by: [port]}
    fixes:
      - command: 'ss -ltnp sport = :{port}'
        why: 'who holds it'
    tests:
      match:
        - line: 'Error: listen EADDRINUSE: address already in use 127.0.0.1:18789'
          captures: {port: '18789'}
      no_match: ['EADDRINUSE 1 retrying']
)";

RuleText encoded_text(const std::string& text, const std::string& name, std::string& storage) {
  const RuleReadResult read = RuleLoader().read({name, text});
  INFO(render_all(read.diagnostics));
  REQUIRE(read.ok());
  storage = encode_rule_file(read.file);
  return {name, text, storage};
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

TEST_CASE("an encoded rule file decodes to the same rules, positions and tests") {
  std::string bytes;
  const RuleText text = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const RuleLoadResult from_yaml = load_rules(kFile, "builtin:rules/t.yaml");
  const RuleLoadResult decoded = load_rules({text});
  REQUIRE(from_yaml.ok());
  REQUIRE(decoded.ok());
  const CompiledRule& a = from_yaml.rules->rules().at(0);
  const CompiledRule& b = decoded.rules->rules().at(0);
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.severity == Severity::critical);
  CHECK(b.confidence == a.confidence);
  CHECK(b.capture_names == a.capture_names);
  CHECK(b.correlate->within == a.correlate->within);
  REQUIRE(b.patterns.size() == a.patterns.size());
  for (std::size_t i = 0; i < a.patterns.size(); ++i) {
    CHECK(b.patterns[i].expanded == a.patterns[i].expanded);
    CHECK(b.patterns[i].at.file == "builtin:rules/t.yaml");
    CHECK(b.patterns[i].at.line == a.patterns[i].at.line);
    CHECK(b.patterns[i].at.column == a.patterns[i].at.column);
  }
  CHECK(b.origin.line == 5);
  // The snippet of a position still quotes the line as written.
  REQUIRE(b.patterns[0].at.source != nullptr);
  CHECK(b.patterns[0].at.source->line(b.patterns[0].at.line).find("EADDRINUSE") !=
        std::string_view::npos);
  // The embedded tests run from the decoded form.
  const RuleTestReport report = run_rule_tests(*decoded.rules);
  CHECK(report.results.size() == 2);
  CHECK(report.ok());
  CHECK(report.results.at(0).at.file == "builtin:rules/t.yaml");
}

TEST_CASE("a decoded file's positions share one name; a pattern's expansion is held once") {
  std::string bytes;
  const RuleText text = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const RuleLoadResult decoded = load_rules({text});
  REQUIRE(decoded.ok());
  const CompiledRule& rule = decoded.rules->rules().at(0);
  REQUIRE(rule.patterns.size() >= 2);
  // The same bytes, not equal copies: a heap copy of the name in every position cost
  // thousands of allocations at every start.
  const char* name = rule.origin.file.view().data();
  CHECK(rule.origin.file == "builtin:rules/t.yaml");
  for (const CompiledPattern& pattern : rule.patterns) {
    CHECK(pattern.at.file.view().data() == name);
    CHECK(pattern.at.source->name.view().data() == name);
  }
  // A user's file read from YAML shares its name too.
  const RuleLoadResult user = load_rules(kFile, "mine.yaml");
  REQUIRE(user.ok());
  const CompiledRule& mine = user.rules->rules().at(0);
  CHECK(mine.patterns.at(0).at.file.view().data() == mine.origin.file.view().data());
  CHECK(mine.patterns.at(0).at.file == "mine.yaml");
}

TEST_CASE("a decoded pack's patterns are compiled on first use, a user's at load") {
  std::string bytes;
  const RuleText pack = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const RuleText user{"mine.yaml", R"(logdx_rules: 1
rules:
  - id: mine
    cause: crash_loop
    match: {regex: 'gateway crashed (?P<code>\d+)'}
)"};
  const RuleLoadResult loaded = load_rules({pack, user});
  REQUIRE(loaded.ok());
  const CompiledRule& builtin = *loaded.rules->find("port-in-use");
  const CompiledRule& mine = *loaded.rules->find("mine");
  for (const auto& p : builtin.patterns) CHECK_FALSE(p.re->compiled());
  CHECK(mine.patterns.at(0).re->compiled());
  Event event;
  event.message = "listen EADDRINUSE: address already in use 0.0.0.0:8080";
  Captures captures;
  CHECK(evaluate_condition(builtin.match, event, captures));
  CHECK(builtin.patterns.at(0).re->compiled());
  REQUIRE(captures.size() == 1);
  CHECK(captures[0].second == "8080");
}

TEST_CASE("an analysis decodes the pack without its rule tests, the rest unchanged") {
  std::string bytes;
  const RuleText text = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const auto whole = decode_rule_file(bytes, nullptr);
  const auto lean = decode_rule_file(bytes, nullptr, false);
  REQUIRE(whole.has_value());
  REQUIRE(lean.has_value());
  REQUIRE(whole->rules.at(0).tests.has_value());
  CHECK(whole->rules.at(0).tests->match.size() == 1);
  // Present but empty: a rule that wrote `tests:` still did, for overrides and stubs.
  REQUIRE(lean->rules.at(0).tests.has_value());
  CHECK(lean->rules.at(0).tests->match.empty());
  CHECK(lean->rules.at(0).tests->no_match.empty());
  // Everything after the tests block decoded in step: the same file but for the tests.
  RuleFile expected = *whole;
  expected.rules.at(0).tests.emplace();
  CHECK(encode_rule_file(*lean) == encode_rule_file(expected));
  // Through the loader: the same rules, no tests to run.
  const RuleLoadResult loaded =
      RuleLoader(RuleReaderOptions{.pack_tests = false}).load_texts({text});
  REQUIRE(loaded.ok());
  CHECK(loaded.rules->find("port-in-use")->match.children.size() == 2);
  CHECK(run_rule_tests(*loaded.rules).results.empty());
  // A damaged tests block is a damaged encoding, skipped or not.
  std::string cut = bytes;
  cut.resize(bytes.find("Error: listen") + 3);
  CHECK_FALSE(decode_rule_file(cut, nullptr, false).has_value());
}

TEST_CASE("a damaged or stale encoding is read from the YAML instead") {
  std::string bytes;
  RuleText text = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const std::string cut = bytes.substr(0, bytes.size() / 2);
  text.encoded = cut;
  const RuleLoadResult loaded = load_rules({text});
  REQUIRE(loaded.ok());
  CHECK(loaded.rules->find("port-in-use")->patterns.at(0).re->compiled());  // the YAML path
  std::string wrong_version = bytes;
  wrong_version[0] = 9;
  CHECK_FALSE(decode_rule_file(wrong_version, nullptr).has_value());
  CHECK_FALSE(decode_rule_file(bytes + "x", nullptr).has_value());
  CHECK(decode_rule_file(bytes, nullptr).has_value());
}

TEST_CASE("a user's override of a pack rule is compiled and checked at load") {
  std::string bytes;
  const RuleText pack = encoded_text(kFile, "builtin:rules/t.yaml", bytes);
  const RuleText user{"mine.yaml", R"(logdx_rules: 1
rules:
  - id: port-in-use
    override: true
    match: {regex: 'EADDRINUSE (?P<port>[0-9]+'}
)"};
  const RuleLoadResult loaded = load_rules({pack, user});
  CHECK_FALSE(loaded.ok());
  const auto bad = with_code(loaded.diagnostics, RuleProblem::bad_regex);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].where.file == "mine.yaml");
  CHECK(bad[0].where.line == 5);
}

TEST_CASE("named groups are read from a pattern's text as RE2 reads them") {
  CHECK(rules::named_groups(R"(listen (?P<host>[0-9.]+):(?P<port>\d+))") ==
        std::vector<std::string>{"host", "port"});
  CHECK(rules::named_groups(R"(\(?P<not>x\) [(?P<nor>] (?<bare>y))") ==
        std::vector<std::string>{"bare"});
  CHECK(rules::named_groups(R"(\Q(?P<quoted>\E(?P<real>z)[[:alpha:]](?P<after>w))") ==
        std::vector<std::string>{"real", "after"});
  CHECK(rules::named_groups(R"([]](?P<a>1)[^]\]](?P<b>2))") == std::vector<std::string>{"a", "b"});
  CHECK(rules::named_groups("(?i)no groups (?:here)").empty());
}

TEST_CASE("named groups read from every pack pattern's text agree with RE2") {
  const RuleLoadResult pack = RuleLoader().load({LOGDX_RULES_DIR});
  REQUIRE(pack.ok());
  std::size_t checked = 0;
  for (const CompiledRule& rule : pack.rules->rules()) {
    for (const CompiledPattern& pattern : rule.patterns) {
      std::set<std::string> from_re2;
      for (const auto& [name, index] : pattern.re->get().NamedCapturingGroups()) {
        from_re2.insert(name);
      }
      const auto read = rules::named_groups(pattern.expanded);
      INFO(pattern.expanded.view());
      CHECK(std::set<std::string>(read.begin(), read.end()) == from_re2);
      ++checked;
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("every pack file round-trips through its encoding") {
  for (const auto& entry : std::filesystem::directory_iterator(LOGDX_RULES_DIR)) {
    if (entry.path().extension() != ".yaml") continue;
    const RuleText text{entry.path().string(), read_whole(entry.path())};
    const RuleReadResult read = RuleLoader().read(text);
    const std::string bytes = encode_rule_file(read.file);
    const auto back = decode_rule_file(bytes, read.file.source);
    INFO(entry.path());
    REQUIRE(back.has_value());
    CHECK(encode_rule_file(*back) == bytes);
    CHECK(back->rules.size() == read.file.rules.size());
  }
}

// The pack's declared formats, decoded, are compiled on first use and not sample-checked
// again: each still reads every sample of its file as the YAML path's format does, and a
// sample whose first byte is one its gate refuses is refused by the pattern too.
TEST_CASE("a decoded pack's line formats read their samples as the YAML path's do") {
  const std::filesystem::path file = std::filesystem::path(LOGDX_RULES_DIR) / "00-formats.yaml";
  const std::string text = read_whole(file);
  std::string bytes;
  const RuleText pack = encoded_text(text, "builtin:rules/00-formats.yaml", bytes);
  const RuleLoadResult lazy = RuleLoader().load_formats({pack});
  const RuleLoadResult eager = RuleLoader().load_formats({{"00-formats.yaml", text}});
  REQUIRE(lazy.diagnostics.empty());
  REQUIRE(eager.diagnostics.empty());
  const RuleReadResult read = RuleLoader().read({"00-formats.yaml", text});
  REQUIRE(lazy.formats.size() == read.file.formats.size());
  REQUIRE(eager.formats.size() == lazy.formats.size());
  RE2::Options latin1;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  for (std::size_t i = 0; i < lazy.formats.size(); ++i) {
    const LineFormat& mine = *lazy.formats[i];
    INFO(mine.spec().id);
    const RE2 pattern(mine.spec().regex, latin1);
    REQUIRE(!read.file.formats[i].samples.empty());
    for (const LocatedString& sample : read.file.formats[i].samples) {
      INFO(sample.value);
      CHECK(mine.reads(sample.value));
      CHECK(mine.may_start_with(sample.value.front()));
      const auto lazy_parser = mine.make_parser({});
      const auto eager_parser = eager.formats[i]->make_parser({});
      Event a;
      Event b;
      REQUIRE(lazy_parser->parse_line(sample.value, a, nullptr) == LineVerdict::record);
      REQUIRE(eager_parser->parse_line(sample.value, b, nullptr) == LineVerdict::record);
      CHECK(a.message == b.message);
      CHECK(a.time_text == b.time_text);
      CHECK(a.process == b.process);
      CHECK(a.host == b.host);
      for (int c = 0; c < 256; ++c) {
        if (mine.may_start_with(static_cast<char>(c))) continue;
        std::string changed = sample.value;
        changed.front() = static_cast<char>(c);
        CHECK_FALSE(pattern.Match(changed, 0, changed.size(), RE2::ANCHOR_START, nullptr, 0));
      }
    }
  }
}
