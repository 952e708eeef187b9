// The Analyzer's one front door: the time window and the prefilter are applied inside it, so a
// caller only feeds bytes (scan) and events (add). Same findings with and without the
// prefilter; the window's counts survive merging parts.
#include <catch2/catch.hpp>

#include "analyzer_test_support.hpp"
#include "logdx/engine/prefilter.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const char* const kRules = R"(logdx_rules: 1
rules:
  - id: port-in-use
    cause: port_conflict
    match:
      regex: 'listen EADDRINUSE: address already in use (?P<host>[0-9.]+):(?P<port>\d+)'
  - id: oom
    cause: oom
    match:
      regex: 'JavaScript heap out of memory'
)";

std::int64_t nanos(const char* iso) { return parse_iso8601(iso)->nanos; }

// Feeds one input the way the reader does: its bytes first, then its events in order.
std::uint64_t feed(Analyzer& analyzer, const std::vector<Event>& events, std::size_t input) {
  std::string bytes;
  for (const Event& e : events) bytes += e.raw + "\n";
  analyzer.begin_input();
  analyzer.scan(bytes, 0);
  std::uint64_t kept = 0;
  std::uint64_t offset = 0;
  for (Event e : events) {
    e.where.byte_offset = offset;
    e.where.line_count = 1;
    offset += e.raw.size() + 1;
    if (analyzer.add(e, input)) ++kept;
  }
  return kept;
}

std::vector<Event> input_events() {
  return {make_event({"2026-11-24T09:00:00Z", "Error: listen EADDRINUSE: address already in use "
                                              "127.0.0.1:18789"}),
          make_event({"", "    at Server.setupListenHandle [as _listen2] (node:net:1817:16)"}),
          make_event({"2026-11-24T10:30:00Z", "FATAL ERROR: Reached heap limit Allocation failed "
                                              "- JavaScript heap out of memory"}),
          make_event({"", "<--- Last few GCs --->"})};
}

}  // namespace

TEST_CASE("the window is applied by the Analyzer; an untimed line goes with its record") {
  const RuleSet rules = rules_from(kRules);
  AnalyzerOptions options;
  options.window = TimeWindow(TimeBound{nanos("2026-11-24T10:00:00Z"), 0}, std::nullopt);
  Analyzer analyzer(rules, options);
  CHECK(feed(analyzer, input_events(), 0) == 2);  // the 09:00 line and its stack frame left out
  CHECK(analyzer.outside_window() == 2);
  const AnalysisResult result = analyzer.finish();
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "oom");
}

TEST_CASE("with the prefilter in the Analyzer, findings are those of the RE2 scan") {
  const RuleSet rules = rules_from(kRules);
  const auto database = PatternDatabase::build(rules);
  AnalyzerOptions plain;
  AnalyzerOptions filtered;
  filtered.prefilter = database.get();  // null without Hyperscan: the RE2 scan again
  Analyzer a(rules, plain);
  Analyzer b(rules, filtered);
  feed(a, input_events(), 0);
  feed(b, input_events(), 0);
  const AnalysisResult ra = a.finish();
  const AnalysisResult rb = b.finish();
  REQUIRE(ra.diagnoses.size() == 2);
  REQUIRE(rb.diagnoses.size() == ra.diagnoses.size());
  for (std::size_t i = 0; i < ra.diagnoses.size(); ++i) {
    CHECK(rb.diagnoses[i].rule == ra.diagnoses[i].rule);
    CHECK(rb.diagnoses[i].count == ra.diagnoses[i].count);
  }
  CHECK(b.outside_window() == 0);
}

TEST_CASE("parts merged keep the count of what their windows left out") {
  const RuleSet rules = rules_from(kRules);
  AnalyzerOptions options;
  options.window = TimeWindow(std::nullopt, TimeBound{nanos("2026-11-24T10:00:00Z"), 0});
  Analyzer whole(rules, AnalyzerOptions{});
  Analyzer first(rules, options);
  Analyzer second(rules, options);
  CHECK(feed(first, input_events(), 0) == 2);
  CHECK(feed(second, input_events(), 1) == 2);
  whole.merge(std::move(first));
  whole.merge(std::move(second));
  CHECK(whole.outside_window() == 4);
  const AnalysisResult result = whole.finish();
  REQUIRE(result.diagnoses.size() == 1);
  CHECK(result.diagnoses[0].rule == "port-in-use");
  CHECK(result.diagnoses[0].count == 2);
}
