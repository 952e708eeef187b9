#pragma once
// analyze --follow: after the first pass, keeps reading what is appended to the input files
// (across truncation and rotation, like `tail -F`), re-evaluates, and prints each diagnosis
// that appears or whose count or severity moves — a JSON line (schema logdx.follow/1) with
// -o json, a short line otherwise — until SIGINT or SIGTERM. The caller then prints the full
// analysis as the summary and records the run.

#include <functional>
#include <string>
#include <vector>

#include "input_options.hpp"
#include "logdx/engine/analyzer.hpp"

namespace logdx::cli {

struct FollowOutput {
  bool json = false;
  bool redact = true;
};

// Sees each followed event the analyzer kept (the engine applies --since/--until): the first
// pass's own observer, so what arrives while following is counted the same way and the final
// summary covers everything read.
using FollowKept = std::function<void(const Event&)>;

// `first_pass` is what read_inputs reported (offsets and parsers per input, in order).
// Returns the summaries with the followed lines and events added.
// `registry` (the run's parsers, declared formats included) must outlive the call.
std::vector<InputSummary> follow_inputs(const InputOptions& inputs, const ParserRegistry& registry,
                                        const std::vector<InputSummary>& first_pass,
                                        Analyzer& analyzer, const FollowOutput& output,
                                        const FollowKept& kept);

}  // namespace logdx::cli
