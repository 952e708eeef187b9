// A valid file end to end: reader -> collector -> compiler -> RE2::Set scan.
#include <catch2/catch.hpp>

#include "logdx/engine/condition_eval.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using logdx::testing::load_rules;
using logdx::testing::render_all;

namespace {

const char* const kValid = R"(logdx_rules: 1
lists:
  gateway_names: [openclaw, openclaw-gateway]
macros:
  port: '(?P<port>\d{1,5})'
  addr: '(?P<host>\[[0-9a-fA-F:]+\]|[0-9.]+|[\w.-]+|::)'
rules:
  - id: gateway-port-in-use
    title: "Port {port} is held by another process, so the gateway cannot start"
    cause: port_conflict
    severity: critical
    confidence: 0.9
    sources: [gateway, pm2]
    tags: [startup, network]
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?{{addr}}:{{port}}'
    key: [port]
    facts: {port: "{port}"}
    explains: [restart_loop_pm2]
    fixes:
      - command: "lsof -nP -iTCP:{port} -sTCP:LISTEN"
        why: "see which process holds the port"
    tests:
      match:
        - line: "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
          captures: {port: "18789", host: "127.0.0.1"}
      no_match:
        - "listening on ws://127.0.0.1:18789"
  - id: oom-killed
    cause: oom_kill
    match:
      all:
        - regex: 'Out of memory: Killed process (?P<pid>\d+) \((?P<process>{{list:gateway_names}})\)'
        - not: {regex: 'test-only'}
        - level: {at_least: warning}
    correlate:
      threshold: {count: 3, within: 10m, group_by: [host]}
)";

}  // namespace

TEST_CASE("a valid rule file compiles with its keys, defaults and scan", "[rules]") {
  const RuleLoadResult result = load_rules(kValid);
  INFO(render_all(result.diagnostics));
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics.empty());
  const RuleSet& set = *result.rules;
  REQUIRE(set.rules().size() == 2);
  const CompiledRule& port = set.rules()[0];
  CHECK(port.id == "gateway-port-in-use");
  CHECK(port.severity == Severity::critical);
  CHECK(port.confidence == Approx(0.9));
  CHECK(port.sources == std::vector<SourceKind>{SourceKind::gateway, SourceKind::pm2});
  CHECK(port.capture_names == std::vector<std::string>{"host", "port"});
  CHECK(port.fixes.at(0).text == "lsof -nP -iTCP:{port} -sTCP:LISTEN");
  CHECK(port.origin.line == 8);
  const CompiledRule& oom = set.rules()[1];
  CHECK(oom.severity == Severity::error);  // default
  CHECK(oom.confidence == Approx(0.8));    // default
  CHECK(oom.facts.empty());  // default: every capture that matched, chosen per diagnosis
  REQUIRE(oom.correlate);
  CHECK(oom.correlate->count == 3);
  CHECK(oom.correlate->within == std::chrono::minutes(10));
}

TEST_CASE("the RE2::Set scan maps a line back to the rule and pattern that hit", "[rules]") {
  const RuleLoadResult result = load_rules(kValid);
  REQUIRE(result.ok());
  const RuleSet& set = *result.rules;
  // Positive message patterns only: the `not` pattern is not scanned.
  REQUIRE(set.message_scan().refs().size() == 2);
  CHECK(set.raw_scan().empty());

  const auto hits = set.message_scan().scan("Out of memory: Killed process 42 (openclaw-gateway)");
  REQUIRE(hits.size() == 1);
  CHECK(set.rules()[hits[0].rule].id == "oom-killed");
  CHECK(set.rules()[hits[0].rule].patterns[hits[0].pattern].expanded.view().find(
            "openclaw\\-gateway") != std::string::npos);

  Event event;
  event.message = "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789";
  CHECK(set.candidates(event) == std::vector<std::size_t>{0});
  event.message = "all quiet";
  CHECK(set.candidates(event).empty());
}

TEST_CASE("a matching event yields the named captures of the rule", "[rules]") {
  const RuleLoadResult result = load_rules(kValid);
  REQUIRE(result.ok());
  const CompiledRule& oom = result.rules->rules()[1];
  Event event;
  event.message = "Out of memory: Killed process 42 (openclaw)";
  event.level = Level::error;
  Captures captures;
  REQUIRE(rule_matches(oom, event, captures));
  CHECK(captures == Captures{{"pid", "42"}, {"process", "openclaw"}});
  event.level = Level::info;  // below `at_least: warning`
  Captures none;
  CHECK_FALSE(rule_matches(oom, event, none));
}

TEST_CASE("the loader reads folders in name order and reports missing paths", "[rules]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "logdx_rules_loader_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto write = [&](const char* name, const std::string& text) {
    std::FILE* f = std::fopen((dir / name).c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  };
  write("b.yaml", "logdx_rules: 1\nrules:\n  - id: r\n    override: true\n    severity: info\n");
  write("a.yml", "logdx_rules: 1\nrules:\n  - id: r\n    cause: c\n    match: {regex: x}\n");
  write("notes.txt", "not a rule file");
  const RuleLoadResult result = RuleLoader().load({dir, dir / "missing.yaml"});
  fs::remove_all(dir);
  REQUIRE(result.files.size() == 3);
  CHECK(result.files[0].ends_with("a.yml"));
  CHECK(result.files[1].ends_with("b.yaml"));
  const auto missing = logdx::testing::with_code(result.diagnostics, RuleProblem::unreadable_file);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].where.file.view().ends_with("missing.yaml"));
  CHECK_FALSE(result.ok());
  CHECK(result.diagnostics.size() == 1);  // a.yml then b.yaml: the override applied cleanly
}
