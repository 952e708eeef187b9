#pragma once
// Everything an `analyze` printer (text, JSON, Markdown, SARIF) may show: the engine's result,
// what was read, how long it took, and the optional parts (the rule pack for SARIF's rule
// list, host checks, the timeline). Printers only read it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input_problem.hpp"
#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/diagnosis.hpp"
#include "logdx/host/host_checks.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "read_verdict.hpp"

namespace logdx::cli {

struct ReadStats {
  double seconds = 0;
  Timestamp first;  // earliest and latest calendar time among the events analysed
  Timestamp last;
  std::string first_text;
  std::string last_text;
  std::uint64_t outside_window = 0;  // events left out by --since / --until
};

struct AnalysisReport {
  const AnalysisResult& result;
  const std::vector<InputSummary>& inputs;
  ReadStats stats;
  const RuleSet* rules = nullptr;          // the loaded pack (SARIF lists its rules)
  const host::HostReport* host = nullptr;  // analyze --host; nullptr when not asked
  bool timeline = false;                   // analyze --timeline
  // What stderr said about the inputs (a missing file); JSON carries it. nullptr: none known.
  const std::vector<InputProblem>* problems = nullptr;
  std::size_t hidden = 0;  // findings left out by --top
  // Why there was nothing to analyse (kind none and no message when there was something).
  ReadVerdict nothing_read;
};

// A time as every report shows it, so one report has one format throughout: ISO-8601 for
// calendar times (UTC with `Z`; a local wall-clock time, as syslog writes it, without a zone),
// "N s since boot" for raw dmesg stamps, else the text as written (a time of day alone). The
// text as written stays in the evidence lines (and beside each time in JSON).
std::string report_time(const Timestamp& t, std::string_view as_written);

// Only a fault is called a root cause: when the worst finding is a warning or a remark, the
// verdict is that nothing is broken, and the findings follow as remarks.
bool has_fault(const AnalysisResult& result);

// Tracks the time span of the events analysed (calendar times only: utc and local).
class TimeSpan {
 public:
  void observe(const Timestamp& time, const std::string& text);
  void fill(ReadStats& stats) const;

 private:
  Timestamp first_;
  Timestamp last_;
  std::string first_text_;
  std::string last_text_;
};

}  // namespace logdx::cli
