#pragma once
// The engine's front door: events in (any order, from any number of inputs), ranked diagnoses
// out. Matching uses the RuleSet's pattern scan (one pass per event, never a loop over every
// rule); only events that hit a rule are kept, sorted by time (ties: input order), for
// correlation (threshold, sequence, absent, join) when the analysis finishes.

#include <cstddef>
#include <memory>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx {

struct AnalyzerOptions {
  std::size_t max_groups_per_rule = 10000;  // correlation state cap (a note says when it hit)
  // Lines kept per rule for correlation and evidence; later hits of that rule are counted but
  // not kept (a note says how many), so memory stays bounded on logs where a rule's pattern
  // (a join partner such as "GET / 200") matches nearly every line.
  std::size_t max_hits_per_rule = 20000;
  std::size_t evidence_head = 3;            // evidence kept from the start of a diagnosis ...
  std::size_t evidence_tail = 2;            // ... and from its end; the rest is counted
  std::size_t evidence_partner = 2;         // join partner lines shown after those (counted too)
};

class Analyzer {
 public:
  explicit Analyzer(const RuleSet& rules, AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Offers one event. `input_index` orders ties between inputs (the order they were given).
  void add(const Event& event, std::size_t input_index);
  // The same, with the event's candidate rules already known (LinePrefilter::candidates):
  // every rule one of whose conditions may hold must be among them.
  void add(const Event& event, std::size_t input_index,
           const std::vector<std::size_t>& candidates);

  // Parallel reading: each worker feeds its own Analyzer (same rules and options) the events
  // of whole inputs; the parts are then merged here in input order (every input of `part`
  // after every input already added). The result is the one a single Analyzer fed all the
  // events in that order gives.
  void merge(Analyzer&& part);

  // Correlates, builds, folds and ranks the diagnoses of everything added so far. May be
  // called again after more add() calls (--follow re-evaluates as lines arrive); each call
  // gives what one call on all the events would.
  AnalysisResult finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace logdx
