#pragma once
// Options every command that reads logs shares (--parser, --year, --max-line-bytes), and
// the loop that resolves inputs, reads them, and reports problems on stderr.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "input_problem.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace CLI {
class App;
}

namespace logdx::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string parser;
  std::optional<int> year;
  std::size_t max_line_bytes = 1 << 20;
  bool journal = false;                    // --journal: the systemd journal via sd-journal
  std::vector<std::string> units;          // -u: only these units (and the kernel)
  std::string journal_dir;                 // --journal-dir
  std::vector<std::string> journal_files;  // --journal-file

  void add_to(CLI::App& command);
  bool reads_journal() const { return journal || !journal_dir.empty() || !journal_files.empty(); }
  // Whether standard input is one of the inputs (no path and no journal, or "-").
  bool reads_stdin() const;
  ReaderOptions reader_options() const;
};

// The journal as one more input (--journal, --journal-dir, --journal-file, -u), read with the
// journal-export parser.
ResolvedInput journal_input(const InputOptions& options);

struct ReadOutcome {
  std::vector<InputSummary> summaries;
  bool had_error = false;              // any input could not be found or read to the end
  std::vector<InputProblem> problems;  // what stderr said about the inputs, in that order
  std::vector<std::string> left_out;   // "PATH: why" for each path the resolver left out
};

// Resolves and reads every input, passing events to `sink` and printing notes, warnings and
// errors to stderr as "logdx: error: <input>:<line>: <what>". Throws CLI-level usage errors
// (unknown --parser) as std::invalid_argument.
// `sink` gets each event with the index of its input (the order inputs were read in).
using IndexedSink = std::function<void(Event&&, std::size_t input_index)>;
ReadOutcome read_inputs(const InputOptions& options, const ParserRegistry& registry,
                        const IndexedSink& sink);

// The two halves of read_inputs, for readers that read inputs their own way (in parallel):
// checks --parser, resolves the paths and prints the resolver's notes ...
std::vector<ResolvedInput> resolve_reported(const InputOptions& options,
                                            const ParserRegistry& registry, ReadOutcome& outcome);
// The inputs as resolve_reported finds them, without a word on stderr (for reading evidence
// back after the analysis: --context).
std::vector<ResolvedInput> resolve_silently(const InputOptions& options);
// ... and prints one input's reader diagnostics.
void report_diagnostics(const std::vector<ReaderDiagnostic>& diagnostics, ReadOutcome& outcome);

}  // namespace logdx::cli
