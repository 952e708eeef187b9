// Typed fixes (shell / config / manual), computed values in templates (`{heap_mb|above}`),
// fixes shown once across findings, and one finding for one request refused on both
// loopbacks: docs/rules.md, "Fixes" and "Computed values".
#include <algorithm>

#include "analysis/fingerprint.hpp"
#include "analysis/placeholder.hpp"
#include "analysis/template_render.hpp"
#include "analyzer_test_support.hpp"
#include "rule_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

analysis::PlaceholderLookup values(std::vector<std::pair<std::string, std::string>> known) {
  return [known = std::move(known)](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : known) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("placeholder grammar: filters, arguments, and literal text", "[fix]") {
  const auto p = analysis::placeholder_at("x={heap_mb|above|or:4096};", 2);
  REQUIRE(p.has_value());
  CHECK(p->name == "heap_mb");
  CHECK(p->length == std::string_view("{heap_mb|above|or:4096}").size());
  REQUIRE(p->filters.size() == 2);
  CHECK(p->filters[0].name == "above");
  CHECK(p->filters[0].argument.empty());
  CHECK(p->filters[1].name == "or");
  CHECK(p->filters[1].argument == "4096");
  CHECK_FALSE(analysis::unknown_filter(*p).has_value());
  // Not placeholders: docker's Go templates, an empty filter, an unclosed one.
  CHECK_FALSE(analysis::placeholder_at("{{.State}}", 0).has_value());
  CHECK_FALSE(analysis::placeholder_at("{a|}", 0).has_value());
  CHECK_FALSE(analysis::placeholder_at("{a|above", 0).has_value());
  // `or:` with nothing after it is "the value, or nothing" (it had been no placeholder at all:
  // lint let it through and a title printed it as written)
  const auto or_nothing = analysis::placeholder_at("{a|or:}", 0);
  REQUIRE(or_nothing.has_value());
  CHECK_FALSE(analysis::unknown_filter(*or_nothing).has_value());
  // Well formed but unknown to logdx (the loader reports it).
  const auto odd = analysis::placeholder_at("{a|double}", 0);
  REQUIRE(odd.has_value());
  REQUIRE(analysis::unknown_filter(*odd).has_value());
  CHECK(analysis::unknown_filter(*odd)->name == "double");
  CHECK(analysis::unknown_filter(*analysis::placeholder_at("{a|above:2}", 0)).has_value());
  CHECK(analysis::unknown_filter(*analysis::placeholder_at("{a|or}", 0)).has_value());
}

TEST_CASE("above: half as much again, rounded to 2^n or 1.5 * 2^n", "[fix]") {
  CHECK(analysis::step_above("1998") == "3072");  // never 1536 or 2048 for a 1998 MB heap
  CHECK(analysis::step_above("509.8") == "768");
  CHECK(analysis::step_above("2048") == "3072");
  CHECK(analysis::step_above("2049") == "4096");
  CHECK(analysis::step_above("15") == "24");
  CHECK(analysis::step_above("1") == "2");
  for (const char* bad : {"", "0", "-5", "12abc", "1.", ".5", "abc", "1e9", "99999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(analysis::step_above(bad).has_value());
  }
}

TEST_CASE("filters compute a value, or fall back, or keep the placeholder", "[fix]") {
  const auto heap = values({{"heap_mb", "1998"}, {"empty", ""}, {"word", "lots"}});
  CHECK(analysis::render_text("{heap_mb|above} MB", heap) == "3072 MB");
  CHECK(analysis::render_text("{missing|above|or:4096}", heap) == "4096");
  CHECK(analysis::render_text("{empty|or:none}", heap) == "none");
  CHECK(analysis::render_text("{word|above|or:4096}", heap) == "4096");
  CHECK(analysis::render_text("{word|above}", heap) == "{word|above}");  // cannot be had
  CHECK(analysis::render_text("{heap_mb|or:1}", heap) == "1998");
  CHECK(analysis::render_text("x {missing|or:} y", heap) == "x  y");
  CHECK(analysis::render_text("x {word|or:} y", heap) == "x lots y");
}

TEST_CASE("a config edit inserts values as written; a shell command quotes them", "[fix]") {
  const auto gateway = values({{"host", "[::1]"}, {"port", "18789"}, {"multi", "a b\nc;"}});
  const std::string directive = "proxy_pass http://{host}:{port};";
  CHECK(analysis::render_fix_text(FixKind::config, directive, gateway) ==
        "proxy_pass http://[::1]:18789;");
  CHECK(analysis::render_fix_text(FixKind::shell, directive, gateway) ==
        "proxy_pass http://'[::1]':18789;");
  // One edit is one line: a value from a multi-line record is cut at its first break.
  CHECK(analysis::render_fix_text(FixKind::config, "x {multi};", gateway) == "x a b;");
  CHECK(analysis::render_fix_text(FixKind::manual, "Open {host}", gateway) == "Open [::1]");
}

TEST_CASE("the reader takes command, edit + in and step as the three kinds", "[fix][rules]") {
  const auto loaded = load_rules(R"(logdx_rules: 1
rules:
  - id: proxy-down
    cause: proxy_upstream_refused
    match: {regex: 'upstream: "http://(?P<host>[^"]+):(?P<port>\d+)/'}
    fixes:
      - command: "ss -ltnp"
      - edit: "proxy_pass http://{host}:{port};"
        in: "the nginx site config"
        why: "point it at {port}"
      - step: "Reload the proxy from its dashboard"
)");
  INFO(render_all(loaded.diagnostics));
  REQUIRE(loaded.ok());
  const CompiledRule& rule = loaded.rules->rules().at(0);
  REQUIRE(rule.fixes.size() == 3);
  CHECK(rule.fixes[0].kind == FixKind::shell);
  CHECK(rule.fixes[1].kind == FixKind::config);
  CHECK(rule.fixes[1].file == "the nginx site config");
  CHECK(rule.fixes[1].text == "proxy_pass http://{host}:{port};");
  CHECK(rule.fixes[2].kind == FixKind::manual);
}

TEST_CASE("a fix's shape errors: no text, two texts, an edit without in, in on a command",
          "[fix][rules]") {
  auto problems = [](const std::string& fix) {
    return load_rules(
               "logdx_rules: 1\nrules:\n  - id: r\n    cause: c\n    match: {regex: "
               "'x(?P<v>\\d)'}\n    fixes:\n      - " +
               fix + "\n")
        .diagnostics;
  };
  auto codes = [](const std::vector<RuleDiagnostic>& all) {
    std::vector<std::string> out;
    for (const auto& d : all) out.emplace_back(to_string(d.code));
    return out;
  };
  CHECK(codes(problems("{why: \"nothing to do\"}")) == std::vector<std::string>{"missing-key"});
  CHECK(codes(problems("{command: \"a\", step: \"b\"}")) == std::vector<std::string>{"wrong-type"});
  CHECK(codes(problems("{edit: \"a;\"}")) == std::vector<std::string>{"missing-key"});
  CHECK(codes(problems("{command: \"a\", in: \"f\"}")) == std::vector<std::string>{"wrong-type"});
  CHECK(codes(problems("{command: \"a {v|twice}\"}")) ==
        std::vector<std::string>{"unknown-filter"});
  CHECK(codes(problems("{command: \"a\", why: \"{nope}\"}")) ==
        std::vector<std::string>{"undefined-placeholder"});
  const auto misspelt = codes(problems("{comand: \"a\"}"));  // and so no text: missing-key too
  CHECK(std::find(misspelt.begin(), misspelt.end(), "unknown-key") != misspelt.end());
  CHECK(problems("{command: \"a {v|above|or:1}\", why: \"b {v}\"}").empty());
  CHECK(codes(problems("{command: \"a\", when: \"nope\"}")) ==
        std::vector<std::string>{"undefined-placeholder"});
  CHECK(codes(problems("{command: \"a\", unless: \"nope\"}")) ==
        std::vector<std::string>{"undefined-placeholder"});
  CHECK(problems("{command: \"a\", when: \"v\"}").empty());
}

// One crash rule for the gateway and for any other Node app: the openclaw commands only help
// when the crash is openclaw's (rules/startup-process.yaml, gateway-uncaught-exception).
TEST_CASE("a fix's when / unless follow whether the case has the capture", "[fix]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: crash
    cause: crash
    match:
      all:
        - regex: '^Uncaught (?P<error>\w+Error: [^\n]+)'
        - any: [{regex: '(?P<product>openclaw)', field: raw}, {not: {regex: 'openclaw', field: raw}}]
    fixes:
      - command: "openclaw gateway restart"
        when: product
      - step: "read the first stack frame in your own code"
        unless: product
      - command: "node --version"
)");
  auto fix_texts = [&](const std::string& line) {
    const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", line}});
    REQUIRE(result.diagnoses.size() == 1);
    std::vector<std::string> out;
    for (const auto& fix : result.diagnoses[0].fixes) out.push_back(fix.text);
    return out;
  };
  CHECK(fix_texts("Uncaught TypeError: x is undefined (openclaw/dist/run.js:3)") ==
        std::vector<std::string>{"openclaw gateway restart", "node --version"});
  CHECK(fix_texts("Uncaught TypeError: x is undefined (/srv/bot/index.js:3)") ==
        std::vector<std::string>{"read the first stack frame in your own code", "node --version"});
}

TEST_CASE("the heap advice is computed from the heap the log shows", "[fix]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: heap
    cause: node_heap_oom
    match:
      all:
        - regex: 'FATAL ERROR: .*heap out of memory'
        - any:
            - regex: 'ms: Mark-Compact (?P<heap_mb>\d+)(?:\.\d+)? \('
            - regex: 'out of memory'
    fixes:
      - command: "NODE_OPTIONS=--max-old-space-size={heap_mb|above|or:4096} node app.js"
      - edit: "Environment=NODE_OPTIONS=--max-old-space-size={heap_mb|above|or:4096}"
        in: "the unit file"
)");
  const auto shown = analyze(
      rules, {{"2026-03-05T08:20:00Z",
               "[7:0x1]  912 ms: Mark-Compact 1998.2 (2083.9) -> 1997.6 (2084.1) MB\nFATAL ERROR: "
               "Reached heap limit Allocation failed - JavaScript heap out of memory"}});
  REQUIRE(shown.diagnoses.size() == 1);
  REQUIRE(shown.diagnoses[0].fixes.size() == 2);
  CHECK(shown.diagnoses[0].fixes[0].text == "NODE_OPTIONS=--max-old-space-size=3072 node app.js");
  CHECK(shown.diagnoses[0].fixes[1].text == "Environment=NODE_OPTIONS=--max-old-space-size=3072");
  CHECK(shown.diagnoses[0].fixes[1].file == "the unit file");
  const auto unknown = analyze(
      rules,
      {{"2026-03-05T08:20:00Z",
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"}});
  REQUIRE(unknown.diagnoses.size() == 1);
  CHECK(unknown.diagnoses[0].fixes[0].text == "NODE_OPTIONS=--max-old-space-size=4096 node app.js");
}

TEST_CASE("a fix shared by findings is shown under the best-ranked one", "[fix]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: crash
    cause: crash
    severity: critical
    match: {regex: 'process crashed'}
    fixes:
      - command: "free -h"
        why: "memory first"
      - command: "journalctl -e"
  - id: slow
    cause: slow_start
    severity: warning
    match: {regex: 'slow start'}
    fixes:
      - command: "free -h"
        why: "memory, said differently"
      - command: "uptime"
)");
  const auto result = analyze(
      rules, {{"2026-03-05T08:20:00Z", "process crashed"}, {"2026-03-05T08:20:01Z", "slow start"}});
  REQUIRE(result.diagnoses.size() == 2);
  const Diagnosis& first = result.diagnoses[0];
  const Diagnosis& second = result.diagnoses[1];
  CHECK(first.rule == "crash");
  for (const auto& f : first.fixes) CHECK(f.shown_under.empty());
  REQUIRE(second.fixes.size() == 2);
  CHECK(second.fixes[0].text == "free -h");  // still whole: JSON lists it
  CHECK(second.fixes[0].shown_under == first.fingerprint);
  CHECK(second.fixes[0].shown_under_rule == "crash");
  CHECK(second.fixes[1].shown_under.empty());
}

TEST_CASE("one request refused on [::1] and on 127.0.0.1 is one finding", "[fix]") {
  CHECK(analysis::loopback_as_one("[::1]:18789") == "127.0.0.1:18789");
  CHECK(analysis::loopback_as_one("::1") == "127.0.0.1");
  CHECK(analysis::loopback_as_one("http://[::1]:18789/") == "http://127.0.0.1:18789/");
  CHECK(analysis::loopback_as_one("[::12]:80") == "[::12]:80");
  CHECK(analysis::loopback_as_one("10.0.0.1:18789") == "10.0.0.1:18789");
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: refused
    cause: proxy_upstream_refused
    match: {regex: 'connect\(\) failed \(111: [^)]*\) while connecting to upstream, .*upstream: "http://(?P<upstream>[^/"]+)'}
    key: [upstream]
)");
  const std::string lead =
      "connect() failed (111: Connection refused) while connecting to upstream, client: "
      "192.0.2.4, server: claw, request: \"GET / HTTP/1.1\", upstream: ";
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:00Z", lead + "\"http://[::1]:18789/\""},
                      {"2026-03-05T08:20:00Z", lead + "\"http://127.0.0.1:18789/\""},
                      {"2026-03-05T08:20:01Z", lead + "\"http://10.0.0.9:18789/\""}});
  REQUIRE(result.diagnoses.size() == 2);
  CHECK(result.diagnoses[0].count + result.diagnoses[1].count == 3);
  const bool merged = result.diagnoses[0].count == 2 || result.diagnoses[1].count == 2;
  CHECK(merged);
}
