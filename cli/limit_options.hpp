#pragma once
// The resource limits of `analyze` (docs/limits.md): how much correlation state and evidence
// one run keeps. Each limit, when hit, is reported by a note in the output, never silently.
// Line length (--max-line-bytes) is an input option; rule-file size (--max-rule-file-bytes) a
// rule option: every command that reads logs or rules has those.

#include <cstddef>

#include "logdx/engine/analyzer.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace logdx::cli {

struct LimitOptions {
  std::size_t max_groups = AnalyzerOptions{}.max_groups_per_rule;
  std::size_t max_hits = AnalyzerOptions{}.max_hits_per_rule;
  std::size_t max_evidence = AnalyzerOptions{}.evidence_head + AnalyzerOptions{}.evidence_tail;

  // --max-groups, --max-hits-per-rule, --max-evidence.
  void add_to(CLI::App& command);
  AnalyzerOptions analyzer_options() const;
};

// The help's heading for tuning options (limits, test hooks): kept apart from the options
// people use every day, as `rg --help` keeps its long tail below.
inline constexpr const char* kAdvancedGroup = "Advanced";

// A whole-number option between `min` and `max`: "N" in the help, the range said in the
// option's words, not CLI11's "UINT:UINT in [256 - 1073741824]". Returns `option`.
CLI::Option* whole_number(CLI::Option* option, std::size_t min, std::size_t max);

}  // namespace logdx::cli
