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

// Whether an event reaches the analyzer (--since/--until), and where the read summary learns
// its time span: the first pass's own filter, so what arrives while following is judged and
// counted the same way and the final summary covers everything read.
using FollowAdmit = std::function<bool(const Event&, std::size_t input_index)>;

// `first_pass` is what read_inputs reported (offsets and parsers per input, in order).
// Returns the summaries with the followed lines and events added.
// `registry` (the run's parsers, declared formats included) must outlive the call.
std::vector<InputSummary> follow_inputs(const InputOptions& inputs, const ParserRegistry& registry,
                                        const std::vector<InputSummary>& first_pass,
                                        Analyzer& analyzer, const FollowOutput& output,
                                        const FollowAdmit& admit);

}  // namespace logdx::cli
