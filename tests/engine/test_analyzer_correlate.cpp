// Correlation over event time (docs/rules.md "Correlation"): threshold, sequence and absent,
// each when it must fire and when it must not; clocks; the group cap note.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kRestartLoop = R"(logdx_rules: 1
rules:
  - id: systemd-restart-loop
    title: "{unit} restarts over and over"
    cause: restart_loop_systemd
    match: {regex: '(?P<unit>[\w.-]+\.service): Scheduled restart job, restart counter is at (?P<n>\d+)'}
    key: [unit]
    correlate:
      threshold: {count: 3, within: 2m, group_by: [unit]}
)";

EventSpec restart(const std::string& time, int n, const std::string& unit = "openclaw") {
  return {time,
          unit + ".service: Scheduled restart job, restart counter is at " + std::to_string(n), 0,
          0, SourceKind::systemd};
}

const char* const kStartThenCrash = R"(logdx_rules: 1
rules:
  - id: start-then-crash
    title: "the gateway crashes right after it starts"
    cause: crash
    match:
      any:
        - regex: 'Started (?P<what>OpenClaw Gateway)'
        - regex: 'Main process exited, code=(?P<code>\w+)'
    correlate:
      sequence:
        within: 30s
        steps:
          - match: {regex: 'Started OpenClaw Gateway'}
          - match: {regex: 'Main process exited, code=(?P<code>\w+)'}
)";

const char* const kNeverListening = R"(logdx_rules: 1
rules:
  - id: started-never-listening
    title: "the gateway started but never said it listens"
    cause: gateway_not_ready
    match: {regex: 'Starting gateway on port (?P<port>\d+)'}
    correlate:
      absent:
        within: 60s
        missing: {regex: 'listening on ws://'}
)";

}  // namespace

TEST_CASE("threshold: count matches within the window fire, each counted", "[correlate]") {
  const RuleSet rules = rules_from(kRestartLoop);
  const auto result =
      analyze(rules, {restart("2026-03-05T08:20:00Z", 1), restart("2026-03-05T08:20:10Z", 2),
                      restart("2026-03-05T08:20:20Z", 3), restart("2026-03-05T08:20:30Z", 4)});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 4);
  CHECK(result.diagnoses[0].title == "openclaw.service restarts over and over");
  CHECK(fact(result.diagnoses[0], "n") == "1");
}

TEST_CASE("threshold: below the count, or spread wider than the window, nothing", "[correlate]") {
  const RuleSet rules = rules_from(kRestartLoop);
  CHECK(analyze(rules, {restart("2026-03-05T08:20:00Z", 1), restart("2026-03-05T08:20:10Z", 2)})
            .diagnoses.empty());
  CHECK(analyze(rules, {restart("2026-03-05T08:20:00Z", 1), restart("2026-03-05T08:22:10Z", 2),
                        restart("2026-03-05T08:24:20Z", 3)})
            .diagnoses.empty());
}

TEST_CASE("threshold: groups count apart; matches outside every burst are left out",
          "[correlate]") {
  const RuleSet rules = rules_from(kRestartLoop);
  // Two units with two restarts each: no group reaches three.
  CHECK(analyze(rules,
                {restart("2026-03-05T08:20:00Z", 1, "a"), restart("2026-03-05T08:20:01Z", 1, "b"),
                 restart("2026-03-05T08:20:02Z", 2, "a"), restart("2026-03-05T08:20:03Z", 2, "b")})
            .diagnoses.empty());
  // A lone restart an hour earlier is not part of the loop.
  const auto result =
      analyze(rules, {restart("2026-03-05T07:00:00Z", 1), restart("2026-03-05T08:20:00Z", 1),
                      restart("2026-03-05T08:20:10Z", 2), restart("2026-03-05T08:20:20Z", 3)});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 3);
  CHECK(format_timestamp(result.diagnoses[0].first_seen) == "2026-03-05T08:20:00Z");
}

TEST_CASE("threshold: monotonic times of two inputs are never in one window", "[correlate]") {
  const RuleSet rules = rules_from(kRestartLoop);
  Analyzer apart(rules);
  for (std::size_t input = 0; input < 3; ++input) {
    Event event = make_event(restart("", 1));
    event.time = Timestamp{TimeKind::monotonic, TimePrecision::micros, 5'000'000'000, false};
    apart.add(event, input);
  }
  CHECK(apart.finish().diagnoses.empty());
  Analyzer together(rules);
  for (int i = 0; i < 3; ++i) {
    Event event = make_event(restart("", i + 1));
    event.time = Timestamp{TimeKind::monotonic, TimePrecision::micros, 5'000'000'000 + i, false};
    together.add(event, 0);
  }
  CHECK(together.finish().diagnoses.size() == 1);
}

TEST_CASE("sequence: the steps in order within the window fire", "[correlate]") {
  const RuleSet rules = rules_from(kStartThenCrash);
  const auto result = analyze(
      rules, {{"2026-03-05T08:20:00Z", "Started OpenClaw Gateway."},
              {"2026-03-05T08:20:05Z", "openclaw.service: Main process exited, code=killed"}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.count == 1);
  CHECK(d.evidence.size() == 2);
  CHECK(fact(d, "code") == "killed");
}

TEST_CASE("sequence: out of the window, or out of order, nothing", "[correlate]") {
  const RuleSet rules = rules_from(kStartThenCrash);
  CHECK(analyze(rules,
                {{"2026-03-05T08:20:00Z", "Started OpenClaw Gateway."},
                 {"2026-03-05T08:21:00Z", "openclaw.service: Main process exited, code=killed"}})
            .diagnoses.empty());
  CHECK(analyze(rules,
                {{"2026-03-05T08:19:58Z", "openclaw.service: Main process exited, code=killed"},
                 {"2026-03-05T08:20:00Z", "Started OpenClaw Gateway."}})
            .diagnoses.empty());
}

TEST_CASE("sequence: an out-of-order paste still correlates by time", "[correlate]") {
  const RuleSet rules = rules_from(kStartThenCrash);
  // The later file was pasted first: the exit line comes before the start line in the input.
  const auto result =
      analyze(rules, {{"2026-06-03T00:00:05", "openclaw.service: Main process exited, code=killed"},
                      {"2026-06-03T00:00:01", "Started OpenClaw Gateway."}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].evidence[0].line == 2);
}

TEST_CASE("absent: a start never answered while the log goes on fires", "[correlate]") {
  const RuleSet rules = rules_from(kNeverListening);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                                      {"2026-03-05T08:22:00Z", "health check failed"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(fact(result.diagnoses[0], "port") == "18789");
}

TEST_CASE("absent: the answer arriving late but within the window, nothing", "[correlate]") {
  const RuleSet rules = rules_from(kNeverListening);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                        {"2026-03-05T08:20:49Z", "listening on ws://127.0.0.1:18789"},
                        {"2026-03-05T08:25:00Z", "health check ok"}})
            .diagnoses.empty());
}

TEST_CASE("absent: a log that ends before the window is over is a cut finding, not proof",
          "[correlate]") {
  // docs/rules.md "End of input": reported with half the confidence and a note (the cases
  // of a cut window are in test_analyzer_cut_window.cpp).
  const RuleSet rules = rules_from(kNeverListening);
  const auto result = analyze(rules, {{"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                                      {"2026-03-05T08:20:40Z", "still loading plugins"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].confidence == Approx(0.4));
  CHECK(result.diagnoses[0].notes.size() == 1);
}

TEST_CASE("absent: a slow start answered after the window is not a fault", "[correlate]") {
  const RuleSet rules = rules_from(kNeverListening);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                        {"2026-03-05T08:21:30Z", "listening on ws://127.0.0.1:18789"},
                        {"2026-03-05T08:25:00Z", "health check ok"}})
            .diagnoses.empty());
}

TEST_CASE("absent: an answer that belongs to a later start, or came before, does not count",
          "[correlate]") {
  const RuleSet rules = rules_from(kNeverListening);
  const auto result = analyze(rules, {{"2026-03-05T08:19:00Z", "listening on ws://127.0.0.1:18789"},
                                      {"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                                      {"2026-03-05T08:22:00Z", "Starting gateway on port 18790"},
                                      {"2026-03-05T08:22:30Z", "listening on ws://127.0.0.1:18790"},
                                      {"2026-03-05T08:25:00Z", "health check ok"}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 1);
  CHECK(fact(result.diagnoses[0], "port") == "18789");
}

TEST_CASE("absent: a start logged twice is answered once within the window", "[correlate]") {
  const RuleSet rules = rules_from(kNeverListening);
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Starting gateway on port 18789"},
                        {"2026-03-05T08:20:05Z", "Starting gateway on port 18789"},
                        {"2026-03-05T08:20:30Z", "listening on ws://127.0.0.1:18789"},
                        {"2026-03-05T08:25:00Z", "health check ok"}})
            .diagnoses.empty());
}

TEST_CASE("a rule over max_groups_per_rule says so in a note", "[correlate]") {
  const RuleSet rules = rules_from(kRestartLoop);
  AnalyzerOptions options;
  options.max_groups_per_rule = 2;
  std::vector<EventSpec> events;
  for (const char* unit : {"a", "b", "c"}) {
    for (int i = 0; i < 3; ++i)
      events.push_back(restart("2026-03-05T08:20:0" + std::to_string(i) + "Z", i, unit));
  }
  const auto capped = analyze(rules, events, options);
  REQUIRE(capped.notes.size() == 1);
  CHECK_THAT(capped.notes[0].message, Catch::Contains("systemd-restart-loop"));
  CHECK(capped.diagnoses.size() == 2);
  const auto roomy = analyze(rules, events);
  CHECK(roomy.notes.empty());
  CHECK(roomy.diagnoses.size() == 3);
}

TEST_CASE("sequence: steps of two groups do not make one chain", "[correlate]") {
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: unit-start-then-fail
    cause: crash
    match:
      any:
        - regex: 'Started (?P<unit>[\w-]+)\.service'
        - regex: '(?P<unit>[\w-]+)\.service: Failed with result'
    correlate:
      sequence:
        within: 1m
        group_by: [unit]
        steps:
          - match: {regex: 'Started (?P<unit>[\w-]+)\.service'}
          - match: {regex: '(?P<unit>[\w-]+)\.service: Failed with result'}
)");
  CHECK(analyze(rules, {{"2026-03-05T08:20:00Z", "Started openclaw-gateway.service"},
                        {"2026-03-05T08:20:05Z", "nginx.service: Failed with result 'exit-code'."}})
            .diagnoses.empty());
  const auto same = analyze(
      rules,
      {{"2026-03-05T08:20:00Z", "Started openclaw-gateway.service"},
       {"2026-03-05T08:20:05Z", "nginx.service: Failed with result 'exit-code'."},
       {"2026-03-05T08:20:09Z", "openclaw-gateway.service: Failed with result 'exit-code'."}});
  REQUIRE(same.diagnoses.size() == 1);
  CHECK(fact(same.diagnoses[0], "unit") == "openclaw-gateway");
  CHECK(same.diagnoses[0].evidence.size() == 2);
}
