#pragma once
// The engine's front door: events in (any order, from any number of inputs), ranked diagnoses
// out. Each event is judged by the time window (--since/--until, time_window.hpp), then offered
// to the rules its trigger patterns name: the Hyperscan prefilter's (prefilter.hpp; it sees
// the input's bytes through scan() before their events) or the RuleSet's RE2 scan, never a
// loop over every rule. Only events that hit a rule are kept, sorted by time (ties: input
// order), for correlation (threshold, sequence, absent, join) when the analysis finishes.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/diagnosis.hpp"
#include "logdx/engine/time_window.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx {

class PatternDatabase;

struct AnalyzerOptions {
  std::size_t max_groups_per_rule = 10000;  // correlation state cap (a note says when it hit)
  // Lines kept per rule for correlation and evidence; later hits of that rule are counted but
  // not kept (a note says how many), so memory stays bounded on logs where a rule's pattern
  // (a join partner such as "GET / 200") matches nearly every line.
  std::size_t max_hits_per_rule = 10000;
  // A rule whose diagnosis needs a partner (a required `join`, e.g. an access-log line that
  // stands only beside the browser's report of the same path and status) keeps at most this
  // many lines per value of its `on` captures: the partner decides whether the diagnosis
  // stands, not the hundred-thousandth "GET / 200" of the day. Later ones are counted.
  std::size_t max_hits_per_join_value = 1000;
  std::size_t evidence_head = 3;     // evidence kept from the start of a diagnosis ...
  std::size_t evidence_tail = 2;     // ... and from its end; the rest is counted
  std::size_t evidence_partner = 2;  // join partner lines shown after those (counted too)
  // The prefilter's database (null: the RuleSet's RE2 scan per event); it changes how fast,
  // never what. Must outlive the Analyzer.
  const PatternDatabase* prefilter = nullptr;
  // Events outside it are counted (outside_window) and otherwise ignored; each Analyzer
  // applies its own copy.
  TimeWindow window;
  // Whether finish() fills AnalysisResult::timeline: one entry per kept line a finding rests
  // on, as many as the kept lines themselves on a log full of failures, so a caller that does
  // not show it leaves it out and does not hold them twice.
  bool timeline = true;
};

class Analyzer {
 public:
  explicit Analyzer(const RuleSet& rules, AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Reading one input in order (what a LineReader observer sees): begin_input() first, then
  // every buffer of its bytes through scan() before the events read from it go to add().
  // Without a prefilter both do nothing. One input at a time per Analyzer.
  void begin_input();
  void scan(std::string_view lines, std::uint64_t offset);
  // Offers one event; false when the time window left it out. `input_index` orders ties
  // between inputs (the order they were given). With a prefilter, every event of the input
  // must come, in order.
  bool add(const Event& event, std::size_t input_index);
  // Parallel reading: each worker feeds its own Analyzer (same rules and options) the events
  // of whole inputs; the parts are then merged here in input order (every input of `part`
  // after every input already added). The result is the one a single Analyzer fed all the
  // events in that order gives.
  void merge(Analyzer&& part);

  // Correlates, builds, folds and ranks the diagnoses of everything added so far. May be
  // called again after more add() calls (--follow re-evaluates as lines arrive); each call
  // gives what one call on all the events would.
  AnalysisResult finish();
  // Events the time window left out (merged parts included).
  std::uint64_t outside_window() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace logdx
