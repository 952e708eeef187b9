// Two rules of one cause on the same lines are one finding (docs/ranking.md, "One event, one
// finding"): the higher-ranked rule keeps its id and names the other as also matched.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// node 15+ lib/internal/process/promises.js prints the header line and a caret, then the
// thrown error (captured on node 16/18/20/22: corpus/captured/node/unhandled-rejection-*.log).
const char* const kCrashRules = R"(logdx_rules: 1
rules:
  - id: uncaught-error
    cause: crash
    severity: critical
    confidence: 0.75
    match: {regex: '\n\s*\^+\s*\n\s*\n(?P<error>[A-Z]\w*Error: [^\n]+)'}
    key: [error]
  - id: unhandled-rejection
    cause: crash
    severity: error
    confidence: 0.7
    match: {regex: 'triggerUncaughtException\(err, true /\* fromPromise \*/\);'}
  - id: fetch-failed
    cause: network_unstable
    severity: error
    confidence: 0.6
    match: {regex: 'TypeError: fetch failed'}
)";

const std::string kRejection =
    "node:internal/process/promises:288\n"
    "            triggerUncaughtException(err, true /* fromPromise */);\n"
    "            ^\n\n"
    "TypeError: fetch failed\n"
    "    at node:internal/deps/undici/undici:13502:13";

const std::string kHeaderOnly =
    "node:internal/process/promises:392\n"
    "      new UnhandledPromiseRejection(reason);\n"
    "      ^\n\n"
    "            triggerUncaughtException(err, true /* fromPromise */);";

std::size_t count_rule(const std::vector<Diagnosis>& list, const std::string& rule) {
  std::size_t n = 0;
  for (const Diagnosis& d : list) {
    n += (d.rule == rule ? 1 : 0) + count_rule(d.explains, rule);
  }
  return n;
}

bool has_note(const Diagnosis& d, const std::string& text) {
  for (const std::string& note : d.notes) {
    if (note.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("two rules of one cause on one crash record are one finding", "[ranking][merge]") {
  const RuleSet rules = rules_from(kCrashRules);
  const auto result = analyze(rules, {{"2026-03-05T08:00:01Z", kRejection}});
  CHECK(count_rule(result.diagnoses, "unhandled-rejection") == 0);
  const Diagnosis* kept = find_rule(result.diagnoses, "uncaught-error");
  REQUIRE(kept != nullptr);
  CHECK(kept->severity == Severity::critical);
  CHECK(has_note(*kept, "also matched by rule 'unhandled-rejection'"));
  // Another cause on the same line is another finding.
  CHECK(find_rule(result.diagnoses, "fetch-failed") != nullptr);
}

TEST_CASE("one rule's lines within the other's still merge; extra lines keep both",
          "[ranking][merge]") {
  const RuleSet rules = rules_from(kCrashRules);
  SECTION("the lower-ranked finding has a line the other lacks: both stay") {
    const auto result = analyze(
        rules, {{"2026-03-05T08:00:01Z", kRejection}, {"2026-03-05T08:05:01Z", kHeaderOnly}});
    CHECK(count_rule(result.diagnoses, "uncaught-error") == 1);
    CHECK(count_rule(result.diagnoses, "unhandled-rejection") == 1);
    CHECK_FALSE(has_note(*find_rule(result.diagnoses, "uncaught-error"), "also matched"));
  }
  SECTION("the same crash twice: both rules on both records, one finding") {
    const auto result = analyze(
        rules, {{"2026-03-05T08:00:01Z", kRejection}, {"2026-03-05T08:05:01Z", kRejection}});
    CHECK(count_rule(result.diagnoses, "unhandled-rejection") == 0);
    REQUIRE(find_rule(result.diagnoses, "uncaught-error") != nullptr);
    CHECK(find_rule(result.diagnoses, "uncaught-error")->count == 2);
  }
  SECTION("only the lower-ranked rule matched: it stays, without a note") {
    const auto result = analyze(rules, {{"2026-03-05T08:00:01Z", kHeaderOnly}});
    REQUIRE(find_rule(result.diagnoses, "unhandled-rejection") != nullptr);
    CHECK(find_rule(result.diagnoses, "unhandled-rejection")->notes.empty());
  }
}

namespace {

// pm2 7.0.4 God daemon (lib/God/Methods.js): "App [NAME:ID] exited with code [N] via signal
// [SIG]" after every exit of an app it restarts. A loop rule of three exits and its weaker
// form for a paste cut after two, as the built-in pack has them.
const char* const kLoopRules = R"(logdx_rules: 1
rules:
  - id: exits-repeatedly
    cause: restart_loop_pm2
    severity: critical
    confidence: 0.85
    match: {regex: 'App \[(?P<app>[^:\]]+):\d+\] exited with code \[[1-9]\d*\]'}
    key: [app]
    correlate: {threshold: {count: 3, within: 2h, group_by: [app]}}
  - id: exits-twice-quickly
    cause: restart_loop_pm2
    severity: warning
    confidence: 0.6
    match: {regex: 'App \[(?P<app>[^:\]]+):\d+\] exited with code \[[1-9]\d*\]'}
    key: [app]
    correlate: {threshold: {count: 2, within: 1m, group_by: [app]}}
    SUBSUMED
)";

std::string loop_rules(const std::string& subsumed) {
  std::string text = kLoopRules;
  text.replace(text.find("SUBSUMED"), 8, subsumed);
  return text;
}

std::string exit_line(const std::string& app) {
  return "PM2 log: App [" + app + ":0] exited with code [1] via signal [SIGINT]";
}

}  // namespace

TEST_CASE("a rule subsumed by another drops out without a note", "[ranking][merge]") {
  const std::vector<EventSpec> loop = {{"2026-03-05T08:00:01Z", exit_line("api")},
                                       {"2026-03-05T08:00:04Z", exit_line("api")},
                                       {"2026-03-05T08:00:07Z", exit_line("api")}};
  SECTION("without subsumed_by the weaker rule is merged with the 'also matched' note") {
    const RuleSet rules = rules_from(loop_rules(""));
    const auto result = analyze(rules, loop);
    CHECK(count_rule(result.diagnoses, "exits-twice-quickly") == 0);
    REQUIRE(find_rule(result.diagnoses, "exits-repeatedly") != nullptr);
    CHECK(has_note(*find_rule(result.diagnoses, "exits-repeatedly"), "also matched"));
  }
  SECTION("with subsumed_by it is dropped silently") {
    const RuleSet rules = rules_from(loop_rules("subsumed_by: [exits-repeatedly]"));
    const auto result = analyze(rules, loop);
    CHECK(count_rule(result.diagnoses, "exits-twice-quickly") == 0);
    REQUIRE(find_rule(result.diagnoses, "exits-repeatedly") != nullptr);
    CHECK(find_rule(result.diagnoses, "exits-repeatedly")->notes.empty());
  }
  SECTION("two exits only: the weaker rule reports alone") {
    const RuleSet rules = rules_from(loop_rules("subsumed_by: [exits-repeatedly]"));
    const auto result = analyze(rules, {loop[0], loop[1]});
    CHECK(count_rule(result.diagnoses, "exits-repeatedly") == 0);
    CHECK(count_rule(result.diagnoses, "exits-twice-quickly") == 1);
  }
  SECTION("a line the stronger finding lacks keeps the weaker one") {
    // Two quick exits of another app: the loop rule's group for it has only two lines.
    auto lines = loop;
    lines.push_back({"2026-03-05T09:00:01Z", exit_line("worker")});
    lines.push_back({"2026-03-05T09:00:03Z", exit_line("worker")});
    const RuleSet rules = rules_from(loop_rules("subsumed_by: [exits-repeatedly]"));
    const auto result = analyze(rules, lines);
    CHECK(count_rule(result.diagnoses, "exits-repeatedly") == 1);
    CHECK(count_rule(result.diagnoses, "exits-twice-quickly") == 1);
  }
}

namespace {

// systemd v232+ src/core/service.c prints one failure as two lines in the same second:
// service_sigchld_event's "Main process exited" and service_enter_dead's "Failed with result".
// The loop rule counts the exits; the lone-failure rule reads both.
const char* const kUnitRules = R"(logdx_rules: 1
rules:
  - id: unit-loop
    cause: restart_loop_systemd
    severity: error
    confidence: 0.85
    match: {regex: '(?P<unit>[\w.-]+\.service): Main process exited, code=exited, status=1'}
    key: [unit]
    correlate:
      threshold: {count: 3, within: 15m, group_by: [unit]}
  - id: unit-failed-once
    cause: crash
    severity: warning
    confidence: 0.5
    match:
      any:
        - regex: '(?P<unit>[\w.-]+\.service): Main process exited, code=exited, status=1'
        - regex: '(?P<unit>[\w.-]+\.service): Failed with result ''exit-code'''
    key: [unit]
    subsumed_by: [unit-loop]
)";

// The second line of one failure, at 08:00:`second`.
EventSpec failed_with_result(const std::string& unit, const std::string& host,
                             const std::string& second) {
  return EventSpec("2026-03-05T08:00:" + second + "Z", unit + ": Failed with result 'exit-code'.")
      .on(host, unit, "systemd", 1);
}

std::vector<EventSpec> unit_failures(const std::string& unit, const std::string& host,
                                     const std::vector<std::string>& seconds) {
  std::vector<EventSpec> out;
  for (const std::string& second : seconds) {
    const std::string time = "2026-03-05T08:00:" + second + "Z";
    out.push_back(EventSpec(time, unit + ": Main process exited, code=exited, status=1/FAILURE")
                      .on(host, unit, "systemd", 1));
    out.push_back(failed_with_result(unit, host, second));
  }
  return out;
}

// The loop is the one finding: the lone-failure rule's lines are all the loop's failures.
void check_only_the_loop(const AnalysisResult& result) {
  CHECK(count_rule(result.diagnoses, "unit-loop") == 1);
  CHECK(count_rule(result.diagnoses, "unit-failed-once") == 0);
}

}  // namespace

TEST_CASE("a failure printed as two lines is one occurrence for subsumed_by", "[ranking][merge]") {
  const RuleSet rules = rules_from(kUnitRules);
  SECTION("three failures: the loop holds every one, the lone-failure finding goes") {
    check_only_the_loop(analyze(rules, unit_failures("api.service", "h1", {"01", "07", "13"})));
  }
  SECTION("one failure alone is a finding") {
    const auto result = analyze(rules, unit_failures("api.service", "h1", {"01"}));
    CHECK(count_rule(result.diagnoses, "unit-loop") == 0);
    CHECK(count_rule(result.diagnoses, "unit-failed-once") == 1);
  }
  SECTION("a failure two seconds after the loop's last exit is another occurrence") {
    auto lines = unit_failures("api.service", "h1", {"01", "07", "13"});
    lines.push_back(failed_with_result("api.service", "h1", "15"));
    const auto result = analyze(rules, lines);
    CHECK(count_rule(result.diagnoses, "unit-failed-once") == 1);
  }
  SECTION("without times, the failed-with-result line next to its exit is the same failure") {
    std::vector<EventSpec> lines;
    std::uint64_t line = 0;
    for (const EventSpec& spec : unit_failures("api.service", "h1", {"01", "07", "13"})) {
      lines.push_back(EventSpec("", spec.message, 0, ++line).on("h1", "api.service", "systemd", 1));
    }
    check_only_the_loop(analyze(rules, lines));
  }
  SECTION("a timed line two lines after an untimed loop line is its occurrence; three, not") {
    // A paste whose exits lost their stamps and whose last line kept one.
    std::vector<EventSpec> lines;
    for (std::uint64_t line = 1; line <= 3; ++line) {
      lines.push_back(
          EventSpec("", "api.service: Main process exited, code=exited, status=1/FAILURE", 0, line)
              .on("h1", "api.service", "systemd", 1));
    }
    auto near = lines;
    near.push_back(failed_with_result("api.service", "h1", "13"));
    near.back().line = 5;
    check_only_the_loop(analyze(rules, near));
    auto far = lines;
    far.push_back(failed_with_result("api.service", "h1", "13"));
    far.back().line = 6;
    CHECK(count_rule(analyze(rules, far).diagnoses, "unit-failed-once") == 1);
  }
  SECTION("another host's failure in the same second is not the loop's") {
    auto lines = unit_failures("api.service", "h1", {"01", "07", "13"});
    lines.push_back(failed_with_result("api.service", "h2", "13"));
    const auto result = analyze(rules, lines);
    REQUIRE(count_rule(result.diagnoses, "unit-failed-once") == 1);
    CHECK(find_rule(result.diagnoses, "unit-failed-once")->host == "h2");
  }
}

namespace {

// Node's listen error (lib/net.js, "listen EADDRINUSE: address already in use ADDR:PORT") names
// its port; a sentence or a logged err.code names only the code.
const char* const kPortRules = R"(logdx_rules: 1
rules:
  - id: listen-eaddrinuse
    cause: port_conflict
    severity: error
    confidence: 0.8
    match: {regex: 'listen EADDRINUSE: address already in use \S*:(?P<port>\d+)'}
    key: [port]
  - id: code-named
    cause: port_conflict
    severity: error
    confidence: 0.55
    match:
      all:
        - regex: '\bEADDRINUSE\b'
        - not: {regex: 'listen EADDRINUSE'}
)";

}  // namespace

TEST_CASE("a finding that names no subject is the named finding of its cause retold",
          "[ranking][merge]") {
  const RuleSet rules = rules_from(kPortRules);
  const std::string listen = "Error: listen EADDRINUSE: address already in use :::3000";
  SECTION("the bare code beside the named conflict merges into it, with a note") {
    // A paste (no envelope: no source that would make either the gateway's).
    const auto result =
        analyze(rules, {{"", "I keep getting EADDRINUSE after a restart", 0, 1, SourceKind::other},
                        {"", listen, 0, 3, SourceKind::other}});
    CHECK(count_rule(result.diagnoses, "code-named") == 0);
    const Diagnosis* kept = find_rule(result.diagnoses, "listen-eaddrinuse");
    REQUIRE(kept != nullptr);
    CHECK(has_note(*kept, "rule 'code-named' found a port_conflict that names no subject"));
  }
  SECTION("alone, the bare code is a finding") {
    const auto result = analyze(
        rules, {{"", "I keep getting EADDRINUSE after a restart", 0, 1, SourceKind::other}});
    CHECK(count_rule(result.diagnoses, "code-named") == 1);
  }
  SECTION("on another host it stays apart") {
    const auto result = analyze(
        rules,
        {EventSpec("2026-03-05T08:00:01Z", "code=EADDRINUSE", 0, 1, SourceKind::other).on("h2", ""),
         EventSpec("2026-03-05T08:00:02Z", listen, 0, 2, SourceKind::other).on("h1", "")});
    CHECK(count_rule(result.diagnoses, "code-named") == 1);
    CHECK(count_rule(result.diagnoses, "listen-eaddrinuse") == 1);
  }
}

namespace {

// A catch-all crash rule that ranks above the specific rule naming the fix (V8's parse error
// under the caret Node prints at load: node 4-24 `SyntaxError: Unexpected token ...`). Both
// are `crash`: without the subsumption pass running first, the specific finding would be
// merged into the catch-all as "also matched" and leave nothing to be subsumed by.
const char* const kSyntaxRules = R"(logdx_rules: 1
rules:
  - id: any-uncaught
    cause: crash
    severity: critical
    confidence: 0.75
    match: {regex: '\n\s*\^+\s*\n\s*\n(?P<error>[A-Z]\w*Error: [^\n]+)'}
    key: [error]
    SUBSUMED
  - id: parse-error
    cause: crash
    severity: error
    confidence: 0.7
    match: {regex: '(?P<error>SyntaxError: Unexpected token[^\n]*)'}
    key: [error]
)";

const std::string kParseError =
    "/home/dev/app/tools/start.js:42\n"
    "            plugins: [...(x.query ? x.query.plugins : [])],\n"
    "                      ^^^\n\n"
    "SyntaxError: Unexpected token ...\n"
    "    at exports.runInThisContext (vm.js:53:16)";

std::string syntax_rules(const std::string& subsumed) {
  std::string text = kSyntaxRules;
  text.replace(text.find("SUBSUMED"), 8, subsumed);
  return text;
}

}  // namespace

TEST_CASE("subsumed_by holds when the stronger rule ranks lower, same cause", "[ranking][merge]") {
  SECTION("without subsumed_by the higher-ranked catch-all keeps the finding") {
    const auto result =
        analyze(rules_from(syntax_rules("")), {{"2026-03-05T08:00:01Z", kParseError}});
    CHECK(count_rule(result.diagnoses, "parse-error") == 0);
    REQUIRE(find_rule(result.diagnoses, "any-uncaught") != nullptr);
    CHECK(has_note(*find_rule(result.diagnoses, "any-uncaught"), "also matched"));
  }
  SECTION("with subsumed_by the specific rule is the finding, without a note") {
    const auto result = analyze(rules_from(syntax_rules("subsumed_by: [parse-error]")),
                                {{"2026-03-05T08:00:01Z", kParseError}});
    CHECK(count_rule(result.diagnoses, "any-uncaught") == 0);
    REQUIRE(find_rule(result.diagnoses, "parse-error") != nullptr);
    CHECK(find_rule(result.diagnoses, "parse-error")->notes.empty());
  }
}
