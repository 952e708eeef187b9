#pragma once
// `analyze`'s reading loop: whole inputs are read by `jobs` workers, each with its own
// Analyzer part and prefilter scratch, and the parts (and the inputs' diagnostics) are merged
// in input order, so the output does not depend on `jobs` or on which worker finished first.

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
  AnalyzerOptions limits;  // each input's part keeps the same caps as the merged result
  const PatternDatabase* database = nullptr;  // null: RE2::Set per event (--no-prefilter)
  unsigned jobs = 1;
  // Decides per event whether the analysis sees it (--since/--until) and notes its time; empty
  // keeps everything. Called for each input's events in order, never from two threads at once.
  std::function<bool(const Event&, std::size_t input_index)> admit;
  ProgressMeter* progress = nullptr;  // counts the bytes read, when a bar is shown
  bool skip_live = false;  // --follow: stdin and the journal are left to follow_inputs
};

// Where compiled prefilter databases are cached: $XDG_CACHE_HOME/logdx, else ~/.cache/logdx;
// empty (no cache) when neither is known.
std::string prefilter_cache_dir();

// Reads every input into `analyzer` (which must be empty). Prints notes as read_inputs does.
ReadOutcome analyze_inputs(const AnalyzeRead& read, Analyzer& analyzer);

}  // namespace logdx::cli
