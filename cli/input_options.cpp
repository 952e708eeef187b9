#include "input_options.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <stdexcept>

#include "limit_options.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

std::string_view severity_word(ReaderDiagnostic::Severity s) {
  switch (s) {
    case ReaderDiagnostic::Severity::note:
      return "note";
    case ReaderDiagnostic::Severity::warning:
      return "warning";
    case ReaderDiagnostic::Severity::error:
      return "error";
  }
  return "error";
}

void report(const ReaderDiagnostic& d) {
  // The reader's messages already start with the input's name.
  std::string where = d.line > 0 && d.message.find(fmt::format(":{}:", d.line)) == std::string::npos
                          ? fmt::format(" (line {})", d.line)
                          : std::string();
  fmt::print(stderr, "logdx: {}: {}{}\n", severity_word(d.severity), terminal_safe(d.message),
             d.severity == ReaderDiagnostic::Severity::error ? where : std::string());
}

}  // namespace

void InputOptions::add_to(CLI::App& command) {
  command.add_option("paths", paths, "files, folders, globs, .gz/.zst; '-' or nothing = stdin");
  command.add_option("--parser", parser, "force an envelope parser (see `logdx detect`)");
  command.add_option("--year", year, "year for timestamps that have none (default: file mtime)");
  whole_number(command.add_option("--max-line-bytes", max_line_bytes,
                                  "cut longer lines (default 1048576, 256 to 1073741824)"),
               256, std::size_t{1} << 30)
      ->group(kAdvancedGroup);
  command.add_flag("--journal", journal,
                   "read the systemd journal directly (sd-journal), after any paths");
  // One value per occurrence: a greedy vector option would swallow the paths after it.
  command
      .add_option("-u,--unit", units,
                  "with --journal: only this unit (repeatable), plus kernel messages")
      ->type_name("UNIT")
      ->allow_extra_args(false);
  command.add_option("--journal-dir", journal_dir, "read the journal files in this folder")
      ->check(CLI::ExistingDirectory);
  command.add_option("--journal-file", journal_files, "read this journal file (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
}

ResolvedInput journal_input(const InputOptions& o) {
  auto selection = std::make_shared<JournalSelection>();
  selection->directory = o.journal_dir;
  selection->files = o.journal_files;
  selection->units = o.units;
  ResolvedInput input;
  input.display_name = "journal";
  if (!o.units.empty()) {
    std::string units;
    for (const auto& u : o.units) units += (units.empty() ? "" : ",") + normalise_unit_name(u);
    input.display_name = fmt::format("journal:{}", units);
  }
  input.journal = std::move(selection);
  input.parser = "journal-export";
  return input;
}

ReaderOptions InputOptions::reader_options() const {
  ReaderOptions r;
  r.forced_parser = parser;
  r.year = year;
  r.max_line_bytes = max_line_bytes;
  return r;
}

std::vector<ResolvedInput> resolve_reported(const InputOptions& options,
                                            const ParserRegistry& registry, ReadOutcome& outcome) {
  if (!options.parser.empty() && registry.find(options.parser) == nullptr) {
    std::string known;
    for (auto name : registry.names()) known += fmt::format(" {}", name);
    throw std::invalid_argument(
        fmt::format("unknown parser '{}'; known parsers:{}", options.parser, known));
  }
  if (!options.units.empty() && !options.reads_journal()) {
    throw std::invalid_argument("-u/--unit selects journal units: add --journal");
  }
  // With --journal and no paths, only the journal is read (not stdin).
  ResolvedInputs resolved;
  if (!options.reads_journal() || !options.paths.empty()) resolved = resolve_inputs(options.paths);
  if (options.reads_journal()) resolved.inputs.push_back(journal_input(options));
  for (const auto& note : resolved.notes) {
    const bool error = note.severity == InputNote::Severity::error;
    outcome.had_error = outcome.had_error || error;
    fmt::print(stderr, "logdx: {}: {}: {}\n", error ? "error" : "note", terminal_safe(note.path),
               terminal_safe(note.message));
    outcome.problems.push_back({error ? "error" : "note", note.path, 0, note.message});
    outcome.left_out.push_back(fmt::format("{}: {}", note.path, note.message));
  }
  return std::move(resolved.inputs);
}

std::vector<ResolvedInput> resolve_silently(const InputOptions& options) {
  ResolvedInputs resolved;
  if (!options.reads_journal() || !options.paths.empty()) resolved = resolve_inputs(options.paths);
  if (options.reads_journal()) resolved.inputs.push_back(journal_input(options));
  return std::move(resolved.inputs);
}

bool InputOptions::reads_stdin() const {
  if (paths.empty()) return !reads_journal();
  return std::find(paths.begin(), paths.end(), "-") != paths.end();
}

void report_diagnostics(const std::vector<ReaderDiagnostic>& diagnostics, ReadOutcome& outcome) {
  for (const auto& d : diagnostics) {
    report(d);
    outcome.problems.push_back(
        {std::string(severity_word(d.severity)), d.input, d.line, d.message});
    outcome.had_error = outcome.had_error || d.severity == ReaderDiagnostic::Severity::error;
  }
}

ReadOutcome read_inputs(const InputOptions& options, const ParserRegistry& registry,
                        const IndexedSink& sink) {
  ReadOutcome outcome;
  const std::vector<ResolvedInput> inputs = resolve_reported(options, registry, outcome);
  const EventReader reader(registry, options.reader_options());
  for (const auto& input : inputs) {
    std::vector<ReaderDiagnostic> diagnostics;
    const std::size_t index = outcome.summaries.size();
    outcome.summaries.push_back(reader.read(
        input, [&sink, index](Event&& e) { sink(std::move(e), index); }, diagnostics));
    report_diagnostics(diagnostics, outcome);
  }
  return outcome;
}

}  // namespace logdx::cli
