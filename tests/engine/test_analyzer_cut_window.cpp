// End of input is not silence (docs/rules.md "End of input"): an `absent` or `sequence`
// window that the end of its input cuts short is reported with the rule's cut confidence and
// a note; a window the input went past is confirmed as before; `on_cut: ignore` keeps a rule
// silent. Inputs end inside the window, exactly at its end, and after it.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// nginx's error-log template (ngx_http_upstream.c, "connect() failed (111: ...) while
// connecting to upstream"), then the gateway's readiness line as the answer.
const char* const kRefusedNoRecovery = R"(logdx_rules: 1
rules:
  - id: upstream-refused
    title: "the proxy cannot reach {upstream}"
    cause: proxy_upstream_refused
    confidence: 0.8
    match: {regex: 'connect\(\) failed \(111: Connection refused\) while connecting to upstream, [^\n]*?upstream: "\w+://(?P<upstream>[\w.:]+)'}
    key: [upstream]
    correlate:
      absent:
        within: 60s
        missing: {regex: 'listening on ws://'}
)";

const char* const kRefusedIgnoreCut = R"(logdx_rules: 1
rules:
  - id: upstream-refused
    cause: proxy_upstream_refused
    confidence: 0.8
    match: {regex: 'connect\(\) failed \(111: Connection refused\) while connecting to upstream'}
    correlate:
      absent:
        within: 60s
        missing: {regex: 'listening on ws://'}
        on_cut: ignore
)";

const char* const kRefusedCutConfidence = R"(logdx_rules: 1
rules:
  - id: upstream-refused
    cause: proxy_upstream_refused
    confidence: 0.8
    match: {regex: 'connect\(\) failed \(111: Connection refused\) while connecting to upstream'}
    correlate:
      absent:
        within: 60s
        missing: {regex: 'listening on ws://'}
        confidence_cut: 0.7
)";

const std::string kRefused =
    "connect() failed (111: Connection refused) while connecting to upstream, client: "
    "192.0.2.7, server: claw.example.org, request: \"GET / HTTP/1.1\", upstream: "
    "\"http://127.0.0.1:18789/\", host: \"claw.example.org\"";

// Three steps: the gateway stopped, then clients are refused twice within 10 minutes.
const char* const kStoppedThenRefused = R"(logdx_rules: 1
rules:
  - id: stopped-then-refused
    title: "the gateway was stopped and clients cannot reach it"
    cause: gateway_not_connected
    confidence: 0.8
    match:
      any:
        - regex: '^Stopped OpenClaw Gateway'
        - regex: 'connect ECONNREFUSED (?P<addr>[\d.:]+)'
    correlate:
      sequence:
        within: 10m
        steps:
          - match: {regex: '^Stopped OpenClaw Gateway'}
          - match: {regex: 'connect ECONNREFUSED (?P<addr>[\d.:]+)'}
          - match: {regex: 'connect ECONNREFUSED (?P<addr>[\d.:]+)'}
)";

const char* const kStoppedThenRefusedIgnore = R"(logdx_rules: 1
rules:
  - id: stopped-then-refused
    cause: gateway_not_connected
    match:
      any:
        - regex: '^Stopped OpenClaw Gateway'
        - regex: 'connect ECONNREFUSED'
    correlate:
      sequence:
        within: 10m
        on_cut: ignore
        steps:
          - match: {regex: '^Stopped OpenClaw Gateway'}
          - match: {regex: 'connect ECONNREFUSED'}
          - match: {regex: 'connect ECONNREFUSED'}
)";

const std::string kClientRefused =
    "gateway connect failed: Error: connect ECONNREFUSED 127.0.0.1:18789";

}  // namespace

TEST_CASE("absent cut: one pasted line with nothing after it is a finding at half confidence",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.confidence == Approx(0.4));
  CHECK(fact(d, "upstream") == "127.0.0.1:18789");
  REQUIRE(d.notes.size() == 1);
  CHECK_THAT(d.notes[0], Catch::Contains("the log ends with line 1 of input-0.log"));
  CHECK_THAT(d.notes[0], Catch::Contains("before the 60 s window closes"));
  CHECK_THAT(d.notes[0], Catch::Contains("no recovery seen"));
}

TEST_CASE("absent cut: the log ends inside the window", "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                                      {"2026-03-05T08:20:02Z", "GET /health 502"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.4));
  REQUIRE(result.diagnoses[0].notes.size() == 1);
  CHECK_THAT(result.diagnoses[0].notes[0], Catch::Contains("the log ends 2 s after line 1"));
}

TEST_CASE("absent cut: a log that ends exactly at the window's end is still cut",
          "[correlate][cut]") {
  // The window's last instant is in the log, but nothing after it: the answer could come at
  // that very instant, so the finding is not confirmed.
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                                      {"2026-03-05T08:21:00Z", "GET /health 502"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.4));
  REQUIRE(result.diagnoses[0].notes.size() == 1);
  CHECK_THAT(result.diagnoses[0].notes[0], Catch::Contains("the log ends 60 s after line 1"));
}

TEST_CASE("absent cut: a log that goes on past the window confirms the finding",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                                      {"2026-03-05T08:21:01Z", "GET /health 502"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.8));
  CHECK(result.diagnoses[0].notes.empty());
}

TEST_CASE("absent cut: an answer inside the cut window still answers", "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                        {"2026-03-05T08:20:03Z", "listening on ws://127.0.0.1:18789"}})
            .diagnoses.empty());
}

TEST_CASE("absent cut: an answer shortly before A leaves a cut window open", "[correlate][cut]") {
  // Readiness (or start progress) 30 s before the refusal and the log ends: a restart may be
  // under way; only a confirmed window or a paste without any answer is reported.
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  CHECK(analyze(rules, {{"2026-03-05T08:19:30Z", "listening on ws://127.0.0.1:18789"},
                        {"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy}})
            .diagnoses.empty());
  // An answer older than the window says nothing about this refusal.
  const auto old_answer =
      analyze(rules, {{"2026-03-05T08:10:00Z", "listening on ws://127.0.0.1:18789"},
                      {"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy}});
  REQUIRE(old_answer.diagnoses.size() == 1);
  CHECK(old_answer.diagnoses[0].confidence == Approx(0.4));
  // A confirmed window does not care what came before.
  CHECK(analyze(rules, {{"2026-03-05T08:19:30Z", "listening on ws://127.0.0.1:18789"},
                        {"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                        {"2026-03-05T08:22:00Z", "GET /health 502"}})
            .diagnoses.size() == 1);
}

TEST_CASE("absent cut: one confirmed finding makes the whole diagnosis confirmed",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy},
                                      {"2026-03-05T08:23:00Z", kRefused, 0, 0, SourceKind::proxy},
                                      {"2026-03-05T08:23:05Z", "GET /health 502"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 2);
  CHECK(result.diagnoses[0].confidence == Approx(0.8));
  CHECK(result.diagnoses[0].notes.empty());
}

TEST_CASE("absent cut: on_cut: ignore stays silent inside and at the window, fires after it",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedIgnoreCut);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", kRefused}}).diagnoses.empty());
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", kRefused}, {"2026-03-05T08:21:00Z", "x"}})
            .diagnoses.empty());
  const auto after =
      analyze(rules, {{"2026-03-05T08:20:00Z", kRefused}, {"2026-03-05T08:21:30Z", "x"}});
  REQUIRE(after.diagnoses.size() == 1);
  CHECK(after.diagnoses[0].confidence == Approx(0.8));
}

TEST_CASE("absent cut: confidence_cut sets the cut finding's confidence", "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedCutConfidence);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", kRefused, 0, 0, SourceKind::proxy}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.7));
}

TEST_CASE("absent cut: bare messages without times keep line order", "[correlate][cut]") {
  const RuleSet rules = rules_from(kRefusedNoRecovery);
  SECTION("nothing after the line: a cut finding that says the window cannot be measured") {
    const auto result = analyze(rules, {{"", "some earlier line"}, {"", kRefused}});
    REQUIRE(result.diagnoses.size() == 1);
    CHECK(result.diagnoses[0].confidence == Approx(0.4));
    REQUIRE(result.diagnoses[0].notes.size() == 1);
    CHECK_THAT(result.diagnoses[0].notes[0], Catch::Contains("has no times here"));
    CHECK_THAT(result.diagnoses[0].notes[0], Catch::Contains("after line 2"));
  }
  SECTION("an answer after it answers") {
    CHECK(analyze(rules, {{"", kRefused}, {"", "listening on ws://127.0.0.1:18789"}})
              .diagnoses.empty());
  }
  SECTION("an answer before it leaves the cut window open: nothing") {
    CHECK(analyze(rules, {{"", "listening on ws://127.0.0.1:18789"}, {"", kRefused}})
              .diagnoses.empty());
  }
}

TEST_CASE("sequence cut: all steps but the last, and the log ends inside the window",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefused);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."},
                                      {"2026-03-05T08:20:07Z", kClientRefused}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.confidence == Approx(0.4));
  CHECK(d.evidence.size() == 2);
  CHECK(fact(d, "addr") == "127.0.0.1:18789");
  REQUIRE(d.notes.size() == 1);
  CHECK_THAT(d.notes[0], Catch::Contains("the log ends 7 s after line 1"));
  CHECK_THAT(d.notes[0], Catch::Contains("before the 10 min window closes"));
  CHECK_THAT(d.notes[0], Catch::Contains("step 3 of 3"));
}

TEST_CASE("sequence cut: the log ends exactly at the window's end", "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefused);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."},
                                      {"2026-03-05T08:20:07Z", kClientRefused},
                                      {"2026-03-05T08:30:00Z", "heartbeat"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.4));
}

TEST_CASE("sequence cut: a log that goes past the window lets the chain expire",
          "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefused);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."},
                        {"2026-03-05T08:20:07Z", kClientRefused},
                        {"2026-03-05T08:31:00Z", "heartbeat"}})
            .diagnoses.empty());
}

TEST_CASE("sequence cut: a completed chain is confirmed, with no note", "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefused);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."},
                                      {"2026-03-05T08:20:07Z", kClientRefused},
                                      {"2026-03-05T08:20:09Z", kClientRefused}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.8));
  CHECK(result.diagnoses[0].notes.empty());
}

TEST_CASE("sequence cut: the first step alone is never a finding", "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefused);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."}}).diagnoses.empty());
}

TEST_CASE("sequence cut: on_cut: ignore keeps a cut chain silent", "[correlate][cut]") {
  const RuleSet rules = rules_from(kStoppedThenRefusedIgnore);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Stopped OpenClaw Gateway."},
                        {"2026-03-05T08:20:07Z", kClientRefused}})
            .diagnoses.empty());
}

TEST_CASE("on_cut and confidence_cut: bad values are rule errors", "[correlate][cut][rules]") {
  const auto bad_word = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x'}
    correlate:
      absent: {within: 10s, missing: {regex: 'y'}, on_cut: maybe}
)"}});
  CHECK_FALSE(bad_word.ok());
  const auto bad_confidence = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x'}
    correlate:
      absent: {within: 10s, missing: {regex: 'y'}, confidence_cut: 1.5}
)"}});
  CHECK_FALSE(bad_confidence.ok());
  const auto on_threshold = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    match: {regex: 'x'}
    correlate:
      threshold: {count: 2, within: 10s, on_cut: ignore}
)"}});
  CHECK_FALSE(on_threshold.ok());
}
