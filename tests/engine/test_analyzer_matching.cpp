// The analyzer's matching and diagnosis building: which events count, fingerprints, facts,
// titles, evidence collapse, and time order (out-of-order pastes, carried times, clocks).
#include <fmt/format.h>

#include "analysis/fingerprint.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kPortRule = R"(logdx_rules: 1
rules:
  - id: gateway-port-in-use
    title: "Port {port} is held by another process"
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?(?P<host>[0-9.]+):(?P<port>\d+)'
    key: [port]
    fixes:
      - command: "lsof -nP -iTCP:{port} -sTCP:LISTEN"
        why: "see which process holds the port"
)";

std::string eaddrinuse(int port) {
  return "Error: listen EADDRINUSE: address already in use 127.0.0.1:" + std::to_string(port);
}

}  // namespace

TEST_CASE("every matching event of a rule without correlate counts; others are not kept",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  const auto result = analyze(rules, {{"2026-03-05T08:20:25Z", eaddrinuse(18789)},
                                      {"2026-03-05T08:20:26Z", "listening on ws://127.0.0.1:18789"},
                                      {"2026-03-05T08:20:35Z", eaddrinuse(18789)}});
  CHECK(result.events_seen == 3);
  CHECK(result.events_matched == 2);
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.rank == 1);
  CHECK(d.cause == "port_conflict");
  CHECK(d.severity == Severity::critical);
  CHECK(d.confidence == Approx(0.9));
  CHECK(d.count == 2);
  CHECK(d.title == "Port 18789 is held by another process");
  CHECK(format_timestamp(d.first_seen) == "2026-03-05T08:20:25Z");
  CHECK(format_timestamp(d.last_seen) == "2026-03-05T08:20:35Z");
  REQUIRE(d.evidence.size() == 2);
  CHECK(d.evidence[0].line == 1);
  CHECK(d.evidence[1].line == 3);
  CHECK(d.evidence[0].text == "2026-03-05T08:20:25Z " + eaddrinuse(18789));
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].text == "lsof -nP -iTCP:18789 -sTCP:LISTEN");
}

TEST_CASE("default facts are every named capture in the rule's order, first value wins",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:25Z", eaddrinuse(18789)},
                      {"2026-03-05T08:20:26Z", "Error: listen EADDRINUSE: 0.0.0.0:18789"}});
  REQUIRE(result.diagnoses.size() == 1);
  const auto& facts = result.diagnoses[0].facts;
  REQUIRE(facts.size() == 2);
  CHECK(facts[0] == std::pair<std::string, std::string>{"host", "127.0.0.1"});
  CHECK(facts[1] == std::pair<std::string, std::string>{"port", "18789"});
}

TEST_CASE("facts templates of the rule are rendered in the rule's order", "[analyzer]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: unit-failed
    title: "{unit} failed with {code}"
    cause: crash
    match: {regex: '(?P<unit>[\w.-]+\.service): Main process exited, code=exited, status=(?P<status>\d+)'}
    facts: {unit: "{unit}", code: "exit {status}"}
)");
  const auto result = analyze(
      rules, {{"2026-03-05T08:20:25Z",
               "openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE"}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  REQUIRE(d.facts.size() == 2);
  CHECK(d.facts[0].first == "unit");
  CHECK(d.facts[1] == std::pair<std::string, std::string>{"code", "exit 1"});
  CHECK(d.title == "openclaw-gateway.service failed with exit 1");
}

TEST_CASE("a declared fact that is a lone placeholder without a value is left out", "[analyzer]") {
  // openclaw names the holder's user only when it knows it ("- pid 6156: ClawX.exe (...)"), so
  // `holder_user: "{holder_user}"` must not print as the literal placeholder.
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: port-holder
    title: "held by {holder_command}"
    cause: port_holder
    match: {regex: '^pid (?P<holder_pid>\d+)(?: (?P<holder_user>\w+))?: (?P<holder_command>\S+)'}
    facts: {holder_pid: "{holder_pid}", holder_user: "{holder_user}", note: "user {holder_user}"}
)");
  const auto without_user = analyze(rules, {{"2026-03-05T08:20:25Z", "pid 6156: ClawX.exe"}});
  REQUIRE(without_user.diagnoses.size() == 1);
  const auto& facts = without_user.diagnoses[0].facts;
  REQUIRE(facts.size() == 2);
  CHECK(facts[0] == std::pair<std::string, std::string>{"holder_pid", "6156"});
  // a fact with text around its placeholder stays as written
  CHECK(facts[1] == std::pair<std::string, std::string>{"note", "user {holder_user}"});

  const auto with_user = analyze(rules, {{"2026-03-05T08:20:25Z", "pid 1187 root: docker-proxy"}});
  REQUIRE(with_user.diagnoses.size() == 1);
  REQUIRE(with_user.diagnoses[0].facts.size() == 3);
  CHECK(with_user.diagnoses[0].facts[1] ==
        std::pair<std::string, std::string>{"holder_user", "root"});
}

TEST_CASE("one diagnosis per key value, with fingerprints stable across runs", "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  const std::vector<EventSpec> events = {{"2026-03-05T08:20:25Z", eaddrinuse(18789)},
                                         {"2026-03-05T08:20:26Z", eaddrinuse(3001)},
                                         {"2026-03-05T08:20:27Z", eaddrinuse(18789)}};
  const auto first = analyze(rules, events);
  const auto second = analyze(rules, events);
  REQUIRE(first.diagnoses.size() == 2);
  REQUIRE(second.diagnoses.size() == 2);
  CHECK(first.diagnoses[0].fingerprint != first.diagnoses[1].fingerprint);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(first.diagnoses[i].fingerprint == second.diagnoses[i].fingerprint);
  }
  const std::string expected = analysis::fingerprint("gateway-port-in-use", {{"port", "18789"}});
  const Diagnosis* loud = first.diagnoses[0].count == 2 ? &first.diagnoses[0] : &first.diagnoses[1];
  CHECK(loud->fingerprint == expected);
  CHECK(loud->fingerprint.size() == 16);
}

TEST_CASE("fingerprint is FNV-1a 64 over rule id and normalised key values", "[analyzer]") {
  // Published FNV-1a 64 test vectors: the digest is the same on every platform and run.
  CHECK(analysis::fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(analysis::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(analysis::fnv1a64("foobar") == 0x85944171f73967e8ULL);
  const auto unit = [](const std::string& value) {
    return analysis::fingerprint("r", {{"unit", value}});
  };
  CHECK(unit(" OpenClaw-Gateway.service") == unit("openclaw-gateway.service"));
  CHECK(unit("openclaw-gateway.service") != unit("openclaw-gateway2.service"));
  CHECK(analysis::fingerprint("r", {}) != analysis::fingerprint("s", {}));
  CHECK(analysis::fingerprint("r", {{"a", "b"}}) != analysis::fingerprint("r", {{"ab", ""}}));
}

TEST_CASE("evidence keeps head and tail and counts what it leaves out", "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  std::vector<EventSpec> events;
  for (int i = 0; i < 10; ++i) {
    events.push_back({"2026-03-05T08:20:" + std::to_string(10 + i) + "Z", eaddrinuse(18789)});
  }
  const auto result = analyze(rules, events);
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.count == 10);
  REQUIRE(d.evidence.size() == 5);
  CHECK(d.evidence_omitted == 5);
  std::vector<std::uint64_t> lines;
  for (const Evidence& e : d.evidence) lines.push_back(e.line);
  CHECK(lines == std::vector<std::uint64_t>{1, 2, 3, 9, 10});

  AnalyzerOptions wide;
  wide.evidence_head = 8;
  wide.evidence_tail = 2;
  const auto all = analyze(rules, events, wide);
  CHECK(all.diagnoses[0].evidence.size() == 10);
  CHECK(all.diagnoses[0].evidence_omitted == 0);
}

TEST_CASE("out-of-order input (cat syslog syslog.1) is ordered by time", "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  // Today's lines first, yesterday's after: first_seen and evidence must follow the clock.
  const auto result = analyze(rules, {{"2026-06-03T00:00:04", eaddrinuse(18789)},
                                      {"2026-06-03T01:00:04", eaddrinuse(18789)},
                                      {"2026-06-02T22:14:03", eaddrinuse(18789)}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(format_timestamp(d.first_seen) == "2026-06-02T22:14:03");
  CHECK(format_timestamp(d.last_seen) == "2026-06-03T01:00:04");
  REQUIRE(d.evidence.size() == 3);
  CHECK(d.evidence[0].line == 3);
  CHECK(d.evidence[1].line == 1);
}

TEST_CASE("an event without a time takes the last time its input gave before it", "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  const auto result = analyze(rules, {{"2026-03-05T08:20:25Z", "starting gateway", 0},
                                      {"2026-03-05T09:00:00Z", "other input", 1},
                                      {"", eaddrinuse(18789), 0}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(format_timestamp(d.first_seen) == "2026-03-05T08:20:25Z");
  CHECK(d.first_seen_text == "2026-03-05T08:20:25Z");
  REQUIRE(d.evidence.size() == 1);
  CHECK_FALSE(d.evidence[0].time.has_value());  // evidence shows the line as written
}

TEST_CASE("default facts leave out an optional capture that matched nothing", "[analyzer]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: unit-failed
    title: "{unit} failed"
    cause: crash
    match:
      regex: '^(?:(?P<unit>[\w.@-]+\.service): )?Main process exited, code=exited, status=(?P<status>\d+)'
)");
  const auto result =
      analyze(rules, {{"2026-03-05T08:20:25Z", "Main process exited, code=exited, status=1"}});
  REQUIRE(result.diagnoses.size() == 1);
  const auto& facts = result.diagnoses[0].facts;
  REQUIRE(facts.size() == 1);
  CHECK(facts[0] == std::pair<std::string, std::string>{"status", "1"});
}

TEST_CASE("a rule's kept lines are capped; the rest are counted in a note, not dropped silently",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  AnalyzerOptions options;
  options.max_hits_per_rule = 3;
  Analyzer analyzer(rules, options);
  for (int i = 0; i < 10; ++i) {
    Event e;
    e.message = eaddrinuse(18789);
    e.raw = e.message;
    e.where.line = static_cast<std::uint64_t>(i + 1);
    analyzer.add(e, 0);
  }
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 10);  // lines past the cap count (test_analyzer_past_cap)
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].message.find("7 more matching lines after the first 3") !=
        std::string::npos);
}

TEST_CASE("a capped rule that produced no finding leaves no limit note", "[analyzer]") {
  // Ten lines of a rule that needs 50 in a row: capped at 3 kept, and no finding either way.
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: port-storm
    title: "Port {port} refused again and again"
    cause: port_conflict
    severity: error
    confidence: 0.9
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?(?P<host>[0-9.]+):(?P<port>\d+)'
    correlate:
      threshold: {count: 50, within: 1h, group_by: [port]}
)");
  AnalyzerOptions options;
  options.max_hits_per_rule = 3;
  options.max_groups_per_rule = 1;
  Analyzer analyzer(rules, options);
  for (int i = 0; i < 10; ++i) {
    Event e;
    e.message = eaddrinuse(18000 + i);  // ten groups, over the group cap too
    e.raw = e.message;
    e.where.line = static_cast<std::uint64_t>(i + 1);
    analyzer.add(e, 0);
  }
  const AnalysisResult result = analyzer.finish();
  CHECK(result.diagnoses.empty());
  CHECK(result.notes.empty());
}

TEST_CASE("first and last seen come from timed lines when untimed ones match too", "[analyzer]") {
  // `pm2 logs`: the tail section has no stamps, the live lines after it do.
  const RuleSet rules = rules_from(kPortRule);
  const auto result = analyze(rules, {{"", eaddrinuse(18789)},
                                      {"2026-03-05T08:20:25Z", eaddrinuse(18789)},
                                      {"2026-03-05T08:25:25Z", eaddrinuse(18789)}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.count == 3);
  CHECK(format_timestamp(d.first_seen) == "2026-03-05T08:20:25Z");
  CHECK(format_timestamp(d.last_seen) == "2026-03-05T08:25:25Z");
}

TEST_CASE("evidence shows distinct messages, each in its shortest envelope, first and last kept",
          "[analyzer]") {
  const RuleSet rules = rules_from(kPortRule);
  Analyzer analyzer(rules);  // head 3, tail 2
  auto add = [&](int second, const std::string& message, const std::string& raw) {
    Event e;
    e.time = *parse_iso8601(fmt::format("2026-03-05T08:20:{:02}Z", second));
    e.message = message;
    e.raw = raw;
    e.where.line = static_cast<std::uint64_t>(second);
    analyzer.add(e, 0);
  };
  const std::string a = eaddrinuse(18789);
  const std::string b = "Error: listen EADDRINUSE: address already in use 0.0.0.0:18789";
  add(1, a, "{\"json\":\"" + a + "\",\"padding\":\"................\"}");
  for (int s = 2; s <= 4; ++s) add(s, a, "console " + a);  // the same line, again and again
  add(5, b, "console " + b);
  for (int s = 6; s <= 9; ++s) add(s, a, "console " + a);
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  std::vector<std::uint64_t> lines;
  for (const Evidence& e : d.evidence) lines.push_back(e.line);
  // first (1) and last (9) always; message b (5) is shown although it sits in the middle
  // (plain head 3 + tail 2 would hide it); the short console copy of a (2) is preferred; the
  // tail fills with the last rounds (8).
  CHECK(lines == std::vector<std::uint64_t>{1, 2, 5, 8, 9});
  CHECK(d.evidence_omitted == 4);
}

TEST_CASE("sources are a hint: a plain-text line still matches, with less confidence",
          "[analyzer]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: port-in-use
    cause: port_conflict
    severity: critical
    confidence: 0.8
    sources: [gateway, pm2]
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?(?P<host>[0-9.]+):(?P<port>\d+)'
    key: [port]
)");
  SECTION("a line from a named source keeps the rule's confidence") {
    const auto result =
        analyze(rules, {{"2026-03-05T08:20:25Z", eaddrinuse(18789), 0, 0, SourceKind::pm2}});
    REQUIRE(result.diagnoses.size() == 1);
    CHECK(result.diagnoses[0].confidence == Approx(0.8));
  }
  SECTION("the same line pasted without its envelope is reported, a little less sure") {
    const auto result = analyze(rules, {{"", eaddrinuse(18789), 0, 0, SourceKind::other}});
    REQUIRE(result.diagnoses.size() == 1);
    CHECK(result.diagnoses[0].confidence == Approx(0.68));
  }
  SECTION("one line from a named source among plain ones is enough for full confidence") {
    const auto result =
        analyze(rules, {{"2026-03-05T08:20:25Z", eaddrinuse(18789), 0, 0, SourceKind::other},
                        {"2026-03-05T08:20:35Z", eaddrinuse(18789), 0, 0, SourceKind::gateway}});
    REQUIRE(result.diagnoses.size() == 1);
    CHECK(result.diagnoses[0].confidence == Approx(0.8));
  }
}
