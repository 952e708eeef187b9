#pragma once
// `analyze`'s reading loop: whole inputs are read by `jobs` workers, each input into its own
// Analyzer part (with its own prefilter scratch), and the parts (and the inputs' diagnostics) are
// merged in input order, so the output does not depend on `jobs` or on which worker finished first.

#include <functional>
#include <string>

#include "input_options.hpp"
#include "logdx/engine/analyzer.hpp"
#include "logdx/engine/prefilter.hpp"
#include "progress_meter.hpp"

namespace logdx::cli {

struct AnalyzeRead {
  const InputOptions& inputs;
  const ParserRegistry& registry;
  const RuleSet& rules;
  // Each input's Analyzer part: the merged result's caps, the prefilter's database and the
  // time window (the engine applies both; analyzer.hpp).
  AnalyzerOptions options;
  unsigned jobs = 1;
  // Sees each event the analysis kept (inside the window), e.g. to note its time; empty: none.
  // Called for each input's events in order, never from two threads at once.
  std::function<void(const Event&)> analysed;
  ProgressMeter* progress = nullptr;  // counts the bytes read, when a bar is shown
  bool skip_live = false;             // --follow: stdin and the journal are left to follow_inputs
};

// Reads every input into `analyzer` (which must be empty). Prints notes as read_inputs does.
ReadOutcome analyze_inputs(const AnalyzeRead& read, Analyzer& analyzer);

}  // namespace logdx::cli
