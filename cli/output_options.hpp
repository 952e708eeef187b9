#pragma once
// The options of `analyze` that decide what is shown and how: the format (-o), colour, the
// timeline, the time window (--since/--until) and the host checks (--host). Kept apart from
// analyze_command.cpp so each group of options has one home, like input_options.

#include <optional>
#include <string>

#include "analysis_report.hpp"
#include "analysis_text.hpp"
#include "time_window.hpp"

namespace CLI {
class App;
}

namespace logdx::cli {

struct OutputOptions {
  std::string format = "text";  // text | json | markdown | sarif
  std::string color = "auto";   // auto | always | never
  bool timeline = false;
  std::string since;
  std::string until;
  bool host = false;
  std::string host_root = "/";

  void add_to(CLI::App& command);
  // Throws std::invalid_argument for a bound that is not a time.
  TimeWindow window(const WallClock& clock) const;
  // Colour on a tty unless NO_COLOR is set (or --color says otherwise); width from COLUMNS or
  // the terminal.
  TextStyle text_style() const;
  // Runs the host checks when --host was given (nullopt otherwise), asking about what the
  // diagnoses name (ports, causes).
  std::optional<host::HostReport> host_report(const AnalysisResult& result) const;
};

// `-o/--output text|json` and `--json` (the same as -o json, as analyze and rg take it): the
// pair every command with a JSON form offers, so one habit works everywhere.
void add_text_or_json_option(CLI::App& command, std::string& output);

// The report in the chosen format, ready for stdout.
std::string render(const OutputOptions& options, const AnalysisReport& report);

}  // namespace logdx::cli
