// A failure quoted inside a sentence reaches the rules twice from one physical line: as the
// sentence, and as the quoted text paste cleaning hands out as a record of its own
// (parsers/src/paste/quoted_fragments.cpp). It is one occurrence (analysis/line_occurrences).
#include <fmt/format.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

// node 12+ lib/net.js, as a user quotes it in a sentence (issue threads, 2024-2026)
const std::string kQuoted = "Error: listen EADDRINUSE: address already in use :::18789";
const std::string kSentence =
    "After the update the gateway died with `" + kQuoted + "` and stayed down.";

std::uint64_t port_count(const AnalysisResult& result) {
  const Diagnosis* d = find_rule(result.diagnoses, "port-in-use");
  REQUIRE(d != nullptr);
  return d->count;
}

}  // namespace

TEST_CASE("text quoted in a sentence the rule matched is not a second occurrence",
          "[matching]") {
  const RuleSet rules = rules_from(rules_yaml({eaddrinuse_rule()}));
  SECTION("the sentence and its quote: one occurrence, one evidence line") {
    const auto result = analyze(rules, {{"", kSentence, 0, 4}, {"", kQuoted, 0, 4}});
    CHECK(port_count(result) == 1);
    CHECK(find_rule(result.diagnoses, "port-in-use")->evidence.size() == 1);
  }
  SECTION("the same text on the next line is another occurrence") {
    const auto result = analyze(rules, {{"", kSentence, 0, 4}, {"", kQuoted, 0, 5}});
    CHECK(port_count(result) == 2);
  }
  SECTION("the same line number in another input is another occurrence") {
    const auto result = analyze(rules, {{"", kSentence, 0, 4}, {"", kQuoted, 1, 4}});
    CHECK(port_count(result) == 2);
  }
  SECTION("a second quote in the sentence with another port is another occurrence") {
    const std::string other = "Error: listen EADDRINUSE: address already in use :::18790";
    const std::string both = "It printed `" + kQuoted + "` and then `" + other + "` too.";
    const auto result =
        analyze(rules, {{"", both, 0, 4}, {"", kQuoted, 0, 4}, {"", other, 0, 4}});
    std::vector<std::string> ports;
    for (const Diagnosis& d : result.diagnoses) {
      if (d.rule != "port-in-use") continue;
      for (const auto& [name, value] : d.facts) {
        if (name == "port") ports.push_back(fmt::format("{}x{}", value, d.count));
      }
    }
    std::sort(ports.begin(), ports.end());
    CHECK(ports == std::vector<std::string>{"18789x1", "18790x1"});
  }
  SECTION("events without a line number are never taken for one another") {
    Analyzer analyzer(rules, {});
    for (const std::string& message : {kSentence, kQuoted}) {
      Event event = make_event({"", message});
      event.where.line = 0;
      analyzer.add(event, 0);
    }
    CHECK(port_count(analyzer.finish()) == 2);
  }
  SECTION("two records glued on one line, neither holding the other, are two") {
    const std::string other = "Error: listen EADDRINUSE: address already in use :::18790";
    const auto result = analyze(rules, {{"", kQuoted, 0, 4}, {"", other, 0, 4}});
    REQUIRE(find_rule(result.diagnoses, "port-in-use") != nullptr);
    std::uint64_t total = 0;
    for (const Diagnosis& d : result.diagnoses) total += d.rule == "port-in-use" ? d.count : 0;
    CHECK(total == 2);
  }
  SECTION("a quote another rule matched in the sentence still counts for its own rule") {
    // The sentence holds the quote, but only `said-down` matched the sentence: the anchored
    // rule's hit on the quote is its first occurrence on this line.
    const RuleSet two_rules = rules_from(rules_yaml({R"(  - id: quoted-port
    cause: port_conflict
    severity: critical
    match: {regex: '^Error: listen EADDRINUSE'}
  - id: said-down
    cause: gateway_not_running
    severity: error
    match: {regex: '^After the update the gateway died'}
)"}));
    const auto result = analyze(two_rules, {{"", kSentence, 0, 4}, {"", kQuoted, 0, 4}});
    const Diagnosis* quoted = find_rule(result.diagnoses, "quoted-port");
    REQUIRE(quoted != nullptr);
    CHECK(quoted->count == 1);
  }
}
