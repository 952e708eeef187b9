// Context rules (`report: false`) and a loop's last words (docs/rules.md "Context rules"): a
// restart loop no rule explains shows the app's last error lines before its exits, of its own
// subject and input, one per message, a few at most; a context rule is never a diagnosis.
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// pm2's daemon line (pm2 5.x lib/God/ActionMethods.js / God.js "App [name:id] exited with
// code [1] via signal [SIGINT]"), counted as a loop; Node's uncaught-error first line and a
// Python traceback's last line as context (captured: corpus/captured/last-words/).
const char* const kLoopAndContext = R"(logdx_rules: 1
rules:
  - id: pm2-loop
    title: "{app} exits again and again"
    cause: restart_loop_pm2
    match: {regex: '^App \[(?P<app>[^\]:]+):(?P<pm2_id>\d+)\] exited with code \[(?P<code>\d+)\]'}
    key: [app]
    correlate:
      threshold: {count: 2, within: 5m, group_by: [app]}
  - id: error-line
    cause: app_last_words
    severity: info
    report: false
    match: {regex: '(?:^|\s)(?P<error_class>(?:[A-Z]\w*)?Error)(?: \[ERR_[A-Z_]+\])?: '}
)";

const char* const kWithKnownCause = R"(logdx_rules: 1
rules:
  - id: pm2-loop
    cause: restart_loop_pm2
    match: {regex: '^App \[(?P<app>[^\]:]+):(?P<pm2_id>\d+)\] exited with code \[(?P<code>\d+)\]'}
    key: [app]
    correlate:
      threshold: {count: 2, within: 5m, group_by: [app]}
  - id: port-in-use
    cause: port_conflict
    severity: critical
    match: {regex: 'listen EADDRINUSE'}
    explains: [restart_loop_pm2]
  - id: error-line
    cause: app_last_words
    report: false
    match: {regex: '(?:^|\s)(?P<error_class>(?:[A-Z]\w*)?Error)(?: \[ERR_[A-Z_]+\])?: '}
)";

struct Line {
  std::string time;
  std::string message;
  std::string app;  // "" = the line names nobody
  SourceKind source = SourceKind::app;
  std::size_t input = 0;
};

AnalysisResult run(const RuleSet& rules, const std::vector<Line>& lines) {
  Analyzer analyzer(rules, {});
  std::uint64_t number = 0;
  for (const Line& line : lines) {
    Event event = make_event({line.time, line.message, line.input, ++number, line.source});
    event.app = line.app;
    analyzer.add(event, line.input);
  }
  return analyzer.finish();
}

Line exited(const std::string& time, const std::string& app = "gateway") {
  return {time, "App [" + app + ":0] exited with code [1] via signal [SIGINT]", "",
          SourceKind::pm2};
}

const std::string kMissingModule = "Error: Cannot find module 'dotenv'";

}  // namespace

TEST_CASE("last words: an unexplained loop shows the app's last error line before its exits",
          "[last_words]") {
  const RuleSet rules = rules_from(kLoopAndContext);
  const auto result = run(rules, {{"2026-03-05T08:20:00Z", kMissingModule, "gateway"},
                                  exited("2026-03-05T08:20:00Z"),
                                  {"2026-03-05T08:20:02Z", kMissingModule, "gateway"},
                                  exited("2026-03-05T08:20:02Z"),
                                  {"2026-03-05T08:20:04Z", kMissingModule, "gateway"},
                                  exited("2026-03-05T08:20:04Z")});
  REQUIRE(result.diagnoses.size() == 1);  // the context rule is no diagnosis of its own
  const Diagnosis& loop = result.diagnoses[0];
  CHECK(loop.rule == "pm2-loop");
  // The same message before each exit shows once: its latest occurrence, after the loop's
  // own evidence.
  REQUIRE(loop.evidence.size() == 4);
  CHECK(loop.evidence.back().line == 5);
  CHECK_THAT(loop.evidence.back().text, Catch::Contains("Cannot find module 'dotenv'"));
  REQUIRE(loop.notes.size() == 1);
  CHECK_THAT(loop.notes[0], Catch::Contains("last words before its exits"));
  CHECK_THAT(loop.notes[0], Catch::Contains("input-0.log:5"));
}

TEST_CASE("last words: one failed exit (app_exit, warning) shows them too; a clean one not",
          "[last_words]") {
  // pm2 3.x-6.x lib/God/Methods.js: one exit, the paste cut before any restart.
  const std::string rules_text = std::string(kLoopAndContext) + R"(
  - id: pm2-exit-once
    cause: app_exit
    severity: SEVERITY
    match: {regex: '^App \[(?P<app>[^\]:]+):(?P<pm2_id>\d+)\] exited with code \[(?P<code>\d+)\]'}
    key: [app]
)";
  const auto with_severity = [&](const std::string& severity) {
    std::string text = rules_text;
    text.replace(text.find("SEVERITY"), 8, severity);
    return rules_from(text);
  };
  const std::vector<Line> lines = {{"2026-03-05T08:20:00Z", kMissingModule, "gateway"},
                                   exited("2026-03-05T08:20:00Z")};
  SECTION("a warning: the last words are its evidence") {
    const auto result = run(with_severity("warning"), lines);
    const Diagnosis* exit = find_rule(result.diagnoses, "pm2-exit-once");
    REQUIRE(exit != nullptr);
    REQUIRE(exit->evidence.size() == 2);
    CHECK_THAT(exit->evidence.back().text, Catch::Contains("Cannot find module 'dotenv'"));
    REQUIRE(exit->notes.size() == 1);
    CHECK_THAT(exit->notes[0], Catch::Contains("last words before its exits"));
  }
  SECTION("an info remark (a clean stop's kind): none") {
    const auto result = run(with_severity("info"), lines);
    const Diagnosis* exit = find_rule(result.diagnoses, "pm2-exit-once");
    REQUIRE(exit != nullptr);
    CHECK(exit->evidence.size() == 1);
    CHECK(exit->notes.empty());
  }
}

TEST_CASE("last words: distinct messages, newest first, at most three, shown in line order",
          "[last_words]") {
  const RuleSet rules = rules_from(kLoopAndContext);
  const auto result =
      run(rules, {{"2026-03-05T08:20:00Z", "TypeError: a is not a function", ""},
                  exited("2026-03-05T08:20:00Z"),
                  {"2026-03-05T08:20:01Z", "SyntaxError: Unexpected token '?'", ""},
                  exited("2026-03-05T08:20:01Z"),
                  {"2026-03-05T08:20:02Z", "Error [ERR_REQUIRE_ESM]: require() of ES Module", ""},
                  exited("2026-03-05T08:20:02Z"),
                  {"2026-03-05T08:20:03Z", "RangeError: Invalid array length", ""},
                  exited("2026-03-05T08:20:03Z"),
                  {"2026-03-05T08:20:09Z", "TypeError: printed after the last exit", ""}});
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& loop = result.diagnoses[0];
  std::vector<std::uint64_t> context_lines;
  for (const Evidence& e : loop.evidence) {
    if (e.text.find("exited with code") == std::string::npos) context_lines.push_back(e.line);
  }
  // The three before the last three exits; the first exit's word and the line after the last
  // exit are left out.
  CHECK(context_lines == std::vector<std::uint64_t>{3, 5, 7});
}

TEST_CASE("last words: only the loop's own subject and input", "[last_words]") {
  const RuleSet rules = rules_from(kLoopAndContext);
  const auto result = run(rules, {{"2026-03-05T08:20:00Z", kMissingModule, "worker"},
                                  exited("2026-03-05T08:20:00Z"),
                                  {"2026-03-05T08:20:02Z", kMissingModule, "worker"},
                                  exited("2026-03-05T08:20:02Z"),
                                  {"2026-03-05T08:20:03Z", kMissingModule, "", SourceKind::app, 1},
                                  {"2026-03-05T08:20:04Z", "x", "", SourceKind::app, 1}});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].evidence.size() == 2);  // the two exits only
  CHECK(result.diagnoses[0].notes.empty());
}

TEST_CASE("last words: a line naming the loop's app matches without case", "[last_words]") {
  const RuleSet rules = rules_from(kLoopAndContext);
  const auto result = run(rules, {{"2026-03-05T08:20:00Z", kMissingModule, "Gateway"},
                                  exited("2026-03-05T08:20:00Z"),
                                  exited("2026-03-05T08:20:02Z")});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].notes.size() == 1);
}

TEST_CASE("last words: a loop folded under its cause shows none", "[last_words]") {
  const RuleSet rules = rules_from(kWithKnownCause);
  const auto result =
      run(rules,
          {{"2026-03-05T08:19:59Z", "Error: listen EADDRINUSE: address already in use", "gateway"},
           exited("2026-03-05T08:20:00Z"),
           {"2026-03-05T08:20:01Z", kMissingModule, ""},
           exited("2026-03-05T08:20:02Z")});
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "port-in-use");
  const Diagnosis* loop = find_rule(result.diagnoses, "pm2-loop");
  REQUIRE(loop != nullptr);
  CHECK(loop->notes.empty());
  CHECK(loop->evidence.size() == 2);
}

TEST_CASE("last words: beside a possibly related cause the note does not say none names it",
          "[last_words]") {
  // The port error without a time, in another input: the rule explains the loop, but nothing
  // links the two (no time, no subject), so they are only possibly related and the loop stays
  // a root with its last words.
  const RuleSet rules = rules_from(kWithKnownCause);
  const auto result =
      run(rules, {{"", "Error: listen EADDRINUSE: address already in use", "", SourceKind::app, 1},
                  {"2026-03-05T08:20:00Z", kMissingModule, "gateway"},
                  exited("2026-03-05T08:20:00Z"),
                  exited("2026-03-05T08:20:02Z")});
  const Diagnosis* loop = find_rule(result.diagnoses, "pm2-loop");
  REQUIRE(loop != nullptr);
  INFO((loop->notes.empty() ? std::string("no note") : loop->notes[0]));
  REQUIRE_FALSE(loop->related.empty());
  REQUIRE(loop->notes.size() == 1);
  CHECK_THAT(loop->notes[0], Catch::Contains("possibly related one is named below"));
  CHECK_THAT(loop->notes[0], !Catch::Contains("no rule names the cause"));
}

TEST_CASE("context rules: never a diagnosis, no timeline entry, no cap note", "[last_words]") {
  const RuleSet rules = rules_from(kLoopAndContext);
  AnalyzerOptions options;
  options.max_hits_per_rule = 1;
  Analyzer analyzer(rules, options);
  for (std::uint64_t line = 1; line <= 3; ++line) {
    analyzer.add(make_event({"2026-03-05T08:20:00Z", kMissingModule, 0, line}), 0);
  }
  const AnalysisResult result = analyzer.finish();
  CHECK(result.diagnoses.empty());
  CHECK(result.timeline.empty());
  CHECK(result.notes.empty());
}

TEST_CASE("context rules: report must be a boolean", "[last_words][rules]") {
  const auto loaded = RuleLoader().load_texts({{"t.yaml", R"(logdx_rules: 1
rules:
  - id: r
    cause: c
    report: sometimes
    match: {regex: 'x'}
)"}});
  CHECK_FALSE(loaded.ok());
}
