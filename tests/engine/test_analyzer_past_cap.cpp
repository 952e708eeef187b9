// Lines past a rule's max_hits_per_rule (analysis/past_cap_tally.hpp): not kept, but counted
// into the finding with their key, so a loop that matched a thousand times does not report the
// cap as its count, and its last time is the last line's, not the last kept one's.
#include <fmt/format.h>

#include <optional>
#include <utility>

#include "analysis/past_cap_tally.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kPortRule = R"(logdx_rules: 1
rules:
  - id: port-in-use
    title: "Port {port} is held by another process"
    cause: port_conflict
    match:
      regex: 'listen EADDRINUSE:? (?:address already in use )?(?P<host>[0-9.]+):(?P<port>\d+)'
    key: [port]
)";

// A sequence (counts chains) and a threshold rule (counts its lines).
const char* const kSequenceAndThreshold = R"(logdx_rules: 1
rules:
  - id: start-then-exit
    cause: crash
    match: {regex: 'Started|exited'}
    correlate:
      sequence: {within: 30s, steps: [{match: {regex: 'Started'}}, {match: {regex: 'exited'}}]}
  - id: restart-storm
    title: "{unit} restarts over and over"
    cause: restart_loop_systemd
    match: {regex: '(?P<unit>[\w.@-]+)\.service: Scheduled restart job'}
    key: [unit]
    correlate:
      threshold: {count: 3, within: 1h, group_by: [unit]}
)";

// Node's EADDRINUSE for `port`, at minute `minute` past 08:00 (the line's own time).
EventSpec port_line(int port, int minute, std::size_t input = 0) {
  return {fmt::format("2026-03-05T08:{:02}:00Z", minute),
          fmt::format("Error: listen EADDRINUSE: address already in use 127.0.0.1:{}", port),
          input};
}

AnalyzerOptions capped_at(std::size_t cap) {
  AnalyzerOptions options;
  options.max_hits_per_rule = cap;
  return options;
}

const Diagnosis& by_title(const AnalysisResult& result, const std::string& title) {
  for (const Diagnosis& d : result.diagnoses) {
    if (d.title == title) return d;
  }
  FAIL("no diagnosis titled " << title);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a capped rule's findings count every matching line, per key, with the last time",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kPortRule);
  // Port 18789 fails at minutes 0..9 and 18790 at 20..23: with a cap of 3, the first three
  // lines (all 18789) are kept, every other line is past the cap.
  std::vector<EventSpec> lines;
  for (int m = 0; m < 10; ++m) lines.push_back(port_line(18789, m));
  lines.push_back(port_line(18790, 20));  // a key whose kept lines made no finding
  const AnalysisResult result = analyze(rules, lines, capped_at(3));
  REQUIRE(result.diagnoses.size() == 1);
  const Diagnosis& d = result.diagnoses[0];
  CHECK(d.count == 10);
  CHECK(format_timestamp(d.first_seen) == "2026-03-05T08:00:00Z");
  CHECK(format_timestamp(d.last_seen) == "2026-03-05T08:09:00Z");
  CHECK(d.last_seen_text == "2026-03-05T08:09:00Z");
  CHECK(d.evidence.size() <= 3);
  REQUIRE(result.notes.size() == 1);
  // 8 past the cap: 7 of 18789 are counted in its finding; 18790's one has no finding.
  CHECK(result.notes[0].message ==
        "rule 'port-in-use': 8 more matching lines after the first 3 were counted but not kept "
        "(max_hits_per_rule); its counts include 7 of them, its evidence and time windows cover "
        "the first 3 only");
}

TEST_CASE("every line past the cap counted: the note says count and last time include them",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kPortRule);
  std::vector<EventSpec> lines;
  for (int m = 0; m < 4; ++m) lines.push_back(port_line(18789, m));
  for (int m = 4; m < 6; ++m) lines.push_back(port_line(18790, m));
  for (int m = 6; m < 9; ++m) lines.push_back(port_line(18789, m));
  for (int m = 9; m < 12; ++m) lines.push_back(port_line(18790, m));
  // Cap 6: all four 18789 lines and two of 18790 kept; three of each past the cap.
  const AnalysisResult result = analyze(rules, lines, capped_at(6));
  REQUIRE(result.diagnoses.size() == 2);
  const Diagnosis& a = by_title(result, "Port 18789 is held by another process");
  const Diagnosis& b = by_title(result, "Port 18790 is held by another process");
  CHECK(a.count == 7);
  CHECK(format_timestamp(a.last_seen) == "2026-03-05T08:08:00Z");
  CHECK(b.count == 5);
  CHECK(format_timestamp(b.last_seen) == "2026-03-05T08:11:00Z");
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].message ==
        "rule 'port-in-use': 6 more matching lines after the first 6 were not kept "
        "(max_hits_per_rule); its count and last time include them, its evidence and time "
        "windows cover the first 6 only");
}

TEST_CASE("a capped rule counts the same whether its inputs came through one analyzer or parts",
          "[analyzer][memory]") {
  const RuleSet rules = rules_from(kPortRule);
  Analyzer whole(rules, capped_at(4));
  Analyzer one(rules, capped_at(4));
  for (std::size_t input = 0; input < 3; ++input) {
    Analyzer part(rules, capped_at(4));
    for (int m = 0; m < 5; ++m) {
      EventSpec spec = port_line(18789, static_cast<int>(input) * 10 + m, input);
      spec.line = static_cast<std::uint64_t>(m + 1);
      part.add(make_event(spec), input);
      one.add(make_event(spec), input);
    }
    whole.merge(std::move(part));
  }
  const AnalysisResult merged = whole.finish();
  const AnalysisResult single = one.finish();
  REQUIRE(merged.diagnoses.size() == 1);
  REQUIRE(single.diagnoses.size() == 1);
  CHECK(merged.diagnoses[0].count == 15);
  CHECK(single.diagnoses[0].count == 15);
  CHECK(format_timestamp(merged.diagnoses[0].last_seen) == "2026-03-05T08:24:00Z");
  CHECK(merged.diagnoses[0].last_seen == single.diagnoses[0].last_seen);
  REQUIRE(merged.notes.size() == 1);
  REQUIRE(single.notes.size() == 1);
  CHECK(merged.notes[0].message == single.notes[0].message);
}

TEST_CASE("lines past the cap count for rules counting lines; a sequence counts chains",
          "[analyzer]") {
  const RuleSet rules = rules_from(kSequenceAndThreshold);
  CHECK_FALSE(analysis::PastCapTally::counts_lines(rules.rules()[0]));  // sequence
  CHECK(analysis::PastCapTally::counts_lines(rules.rules()[1]));        // threshold
  CHECK(analysis::PastCapTally::counts_lines(rules_from(kPortRule).rules()[0]));

  // A restart loop of 12 rounds capped at 5 kept lines: its count is the 12 rounds.
  std::vector<EventSpec> lines;
  for (int m = 0; m < 12; ++m) {
    lines.push_back({fmt::format("2026-03-05T08:{:02}:00Z", m),
                     "openclaw.service: Scheduled restart job, restart counter is at " +
                         std::to_string(m + 1),
                     0, 0, SourceKind::systemd});
  }
  const AnalysisResult result = analyze(rules, lines, capped_at(5));
  const Diagnosis* loop = find_rule(result.diagnoses, "restart-storm");
  REQUIRE(loop != nullptr);
  CHECK(loop->count == 12);
  CHECK(format_timestamp(loop->last_seen) == "2026-03-05T08:11:00Z");
}

TEST_CASE("lines past the cap with a new pid each count into the folded finding",
          "[analyzer][memory]") {
  // The kernel killing node again and again: each kill has its own pid (a volatile key), the
  // kept kills fold into one finding, and the kills past the cap count into it too.
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: oom-killed-node
    title: "The kernel OOM killer killed node"
    cause: oom_kernel
    match:
      regex: 'Out of memory: Killed process (?P<killed_pid>\d+) \((?P<name>node)\)'
    key: [name, killed_pid]
)");
  std::vector<EventSpec> lines;
  for (int m = 0; m < 30; ++m) {
    lines.push_back({fmt::format("2026-03-05T08:{:02}:00Z", m),
                     fmt::format("Out of memory: Killed process {} (node) total-vm:1234567kB, "
                                 "anon-rss:456789kB",
                                 4000 + m)});
  }
  const AnalysisResult result = analyze(rules, lines, capped_at(5));
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 30);
  CHECK(format_timestamp(result.diagnoses[0].last_seen) == "2026-03-05T08:29:00Z");
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].message.find("its count and last time include them") !=
        std::string::npos);
}

TEST_CASE("a threshold rule's lines past the cap count only in groups that made a finding",
          "[analyzer][memory]") {
  // Refusals grouped by client, two within an hour make a finding. Client A is refused over
  // and over (a finding among the kept lines, and more past the cap); clients B.. are refused
  // once each past the cap, which is no finding: they must not swell A's count.
  const RuleSet rules = rules_from(R"(logdx_rules: 1
rules:
  - id: conn-refused
    title: "connections from {client} refused"
    cause: gateway_unreachable
    match: {regex: 'connect from (?P<client>\S+) refused'}
    correlate:
      threshold: {count: 2, within: 1h, group_by: [client]}
)");
  std::vector<EventSpec> lines;
  auto refused = [&](int minute, const std::string& client) {
    lines.push_back({fmt::format("2026-03-05T08:{:02}:00Z", minute),
                     "[gateway] connect from " + client + " refused"});
  };
  for (int m = 0; m < 3; ++m) refused(m, "10.0.0.1:1024");      // kept (cap 3): a finding
  for (int m = 3; m < 40; ++m) refused(m, fmt::format("10.0.1.{}:1024", m));  // once each
  for (int m = 40; m < 45; ++m) refused(m, "10.0.0.1:1024");    // past the cap, A again
  const AnalysisResult result = analyze(rules, lines, capped_at(3));
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 8);
  CHECK(format_timestamp(result.diagnoses[0].last_seen) == "2026-03-05T08:44:00Z");
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].message.find("42 more matching lines") != std::string::npos);
  CHECK(result.notes[0].message.find("its counts include 5 of them") != std::string::npos);
}

namespace {

// The lines through one Analyzer, and through one Analyzer per input merged in input order
// (what -j does): both results.
std::pair<AnalysisResult, AnalysisResult> single_and_parts(const RuleSet& rules,
                                                           const std::vector<EventSpec>& lines,
                                                           const AnalyzerOptions& options) {
  Analyzer single(rules, options);
  Analyzer whole(rules, options);
  std::optional<Analyzer> part;
  std::size_t part_input = 0;
  std::uint64_t line = 0;
  for (const EventSpec& spec : lines) {
    if (!part || spec.input != part_input) {
      if (part) whole.merge(std::move(*part));
      part.emplace(rules, options);
      part_input = spec.input;
    }
    EventSpec numbered = spec;
    numbered.line = ++line;
    single.add(make_event(numbered), spec.input);
    part->add(make_event(numbered), spec.input);
  }
  if (part) whole.merge(std::move(*part));
  return {single.finish(), whole.finish()};
}

}  // namespace

TEST_CASE("which keys past the cap are counted does not depend on how the run was split",
          "[analyzer][memory]") {
  // Port 18789's finding is kept (cap 1); then more distinct ports fail past the cap than the
  // tally holds keys for, and 18789 fails again among them. Whether that line is counted
  // depends on how many keys came before it, in input order, with one analyzer or with parts.
  const RuleSet rules = rules_from(kPortRule);
  for (int at : {5, 20, 40, 60, 80, 95}) {
    std::vector<EventSpec> lines{port_line(18789, 0)};
    for (int i = 0; i < 200; ++i) lines.push_back(port_line(20000 + i, 1));
    for (int i = 0; i < 100; ++i) {
      lines.push_back(i == at ? port_line(18789, 2, 1) : port_line(30000 + i, 2, 1));
    }
    const auto [single, parts] = single_and_parts(rules, lines, capped_at(1));
    INFO("18789 again at " << at << " in the second input");
    REQUIRE(single.diagnoses.size() == 1);
    REQUIRE(parts.diagnoses.size() == 1);
    // 200 keys from the first input, the second input's first line kept by its part: 18789
    // is the tally's (201 + at)th key, counted while that is within its 256.
    CHECK(single.diagnoses[0].count == (at < 56 ? 2U : 1U));
    CHECK(parts.diagnoses[0].count == single.diagnoses[0].count);
    REQUIRE(parts.notes.size() == 1);
    CHECK(parts.notes[0].message == single.notes[0].message);
  }
}

TEST_CASE("lines past the cap on utc and local stamps give the same last time in one pass or parts",
          "[analyzer][memory]") {
  // The first timed line past the cap is on UTC; the second input's part starts with a local
  // wall-clock line before its UTC one. Both are one wall clock (same_clock): the latest wins,
  // whichever part saw it.
  const RuleSet rules = rules_from(kPortRule);
  std::vector<EventSpec> lines{port_line(18789, 0), port_line(18789, 1)};
  const std::string refused = "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789";
  lines.emplace_back("2026-03-05T08:02:00Z", refused, 1);  // kept by its part, not by the run
  lines.emplace_back("2026-03-05T09:15:00", refused, 1);   // local wall-clock time
  lines.emplace_back("2026-03-05T08:30:00Z", refused, 1);
  const auto [single, parts] = single_and_parts(rules, lines, capped_at(1));
  REQUIRE(single.diagnoses.size() == 1);
  REQUIRE(parts.diagnoses.size() == 1);
  CHECK(single.diagnoses[0].count == 5);
  CHECK(parts.diagnoses[0].count == 5);
  CHECK(format_timestamp(single.diagnoses[0].last_seen) == "2026-03-05T09:15:00");
  CHECK(format_timestamp(parts.diagnoses[0].last_seen) == "2026-03-05T09:15:00");
}

TEST_CASE("an optional join's lines past the cap count into its finding; a required one's not",
          "[analyzer][memory]") {
  // Node's EADDRINUSE joined to the port's holder when one is named (required: false): the
  // finding stands on its own lines, so a loop of them counts every round.
  // kPortRule with a join, then the holder's rule after it.
  const std::string yaml = std::string(kPortRule) + R"(    correlate:
      join: {rule: port-holder, on: {port: port}, required: REQUIRED}
  - id: port-holder
    title: "{holder} holds port {port}"
    cause: port_holder
    match: {regex: 'port (?P<port>\d+) is held by (?P<holder>\S+)'}
    key: [port]
)";
  std::vector<EventSpec> lines{{"2026-03-05T07:59:00Z", "port 18789 is held by nginx"}};
  for (int m = 0; m < 12; ++m) lines.push_back(port_line(18789, m));
  for (const bool required : {false, true}) {
    std::string text = yaml;
    text.replace(text.find("REQUIRED"), 8, required ? "true" : "false");
    const RuleSet rules = rules_from(text);
    CHECK(analysis::PastCapTally::counts_lines(rules.rules()[0]) == !required);
    const AnalysisResult result = analyze(rules, lines, capped_at(4));
    const Diagnosis* conflict = find_rule(result.diagnoses, "port-in-use");
    REQUIRE(conflict != nullptr);
    CHECK(conflict->count == (required ? 4U : 12U));
  }
}

TEST_CASE("lines past the cap on a local clock move a utc last time: both are wall clocks",
          "[analyzer][memory]") {
  // A journal (utc) kept the first lines, syslog (local, no zone) went on past the cap: the
  // analyzer takes both as one wall clock, so the later local line is the last time.
  const RuleSet rules = rules_from(kPortRule);
  std::vector<EventSpec> lines;
  for (int m = 0; m < 3; ++m) lines.push_back(port_line(18789, m));
  for (int m = 10; m < 12; ++m) {
    lines.push_back({fmt::format("2026-03-05T08:{:02}:00", m),
                     "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789", 1});
  }
  const AnalysisResult result = analyze(rules, lines, capped_at(3));
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].count == 5);
  CHECK(result.diagnoses[0].last_seen_text == "2026-03-05T08:11:00");
}
