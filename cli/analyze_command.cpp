// `logdx analyze`: inputs -> events (within --since/--until) -> the engine -> ranked
// diagnoses, printed as text for people, JSON per the contract, Markdown or SARIF
// (output_options.hpp), and recorded in the history (run_history.hpp). Exit: 0 nothing at or
// above --fail-on, 1 something is, 2 a usage, rule, input or history error (the analysis of
// what could be read is still printed).

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "builtin_rules.hpp"
#include "commands.hpp"
#include "follow_loop.hpp"
#include "format_registry.hpp"
#include "history_options.hpp"
#include "input_options.hpp"
#include "limit_options.hpp"
#include "logdx/engine/analyzer.hpp"
#include "logdx/engine/prefilter.hpp"
#include "logdx/engine/redactor.hpp"
#include "logdx/parsers/content_digest.hpp"
#include "output_options.hpp"
#include "parallel_analyze.hpp"
#include "phase_timer.hpp"
#include "progress_meter.hpp"
#include "rule_options.hpp"
#include "run_history.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

struct AnalyzeOptions {
  InputOptions inputs;
  RuleOptions rules;
  OutputOptions out;
  HistoryOptions history;
  LimitOptions limits;
  std::string fail_on = "error";
  bool no_db = false;
  bool no_redact = false;
  bool verbose = false;
  bool follow = false;
  bool no_prefilter = false;
  bool quiet = false;
  unsigned jobs = 0;              // 0: every core
  std::vector<std::string> argv;  // the whole command line, recorded with the run
};

bool at_or_above(const std::vector<Diagnosis>& diagnoses, Severity threshold) {
  for (const auto& d : diagnoses) {
    if (d.severity >= threshold || at_or_above(d.explains, threshold)) return true;
  }
  return false;
}

// The rule set's identity in the history: a digest of every rule file's name and text.
std::string rules_version(const RuleSources& sources) {
  ContentDigest digest;
  for (const auto& t : sources.texts) {
    digest.update(t.name);
    digest.update(std::string_view("\0", 1));
    digest.update(t.text);
  }
  return digest.hex();
}

int exit_code_of(const AnalyzeOptions& o, const ReadOutcome& outcome,
                 const AnalysisResult& result) {
  if (outcome.had_error) return 2;
  return at_or_above(result.diagnoses, *severity_from_string(o.fail_on)) ? 1 : 0;
}

// Stores the run unless --no-db; a storage failure is reported on stderr and turns the exit
// code to 2, a read-only history only warns. Either way the analysis is still printed.
int store_run(const AnalyzeOptions& o, const ReadOutcome& outcome, const AnalysisResult& result,
              const std::string& rules, double seconds, int code, AnalysisResult& shown) {
  if (o.no_db) return code;
  storage::RunRecord run = make_run_record(o.argv, outcome.summaries, result, rules);
  run.duration_ms = static_cast<std::int64_t>(seconds * 1000);
  run.exit_code = code;
  const HistoryOutcome stored =
      record_run(o.history.path(), o.history.database_options(), run, result, shown);
  if (stored.status == HistoryStatus::stored) return code;
  const bool failed = stored.status == HistoryStatus::failed;
  fmt::print(stderr, "logdx: {}: {}\n", failed ? "error" : "warning",
             terminal_safe(stored.message, true));
  return failed ? 2 : code;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_analyze(const AnalyzeOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  PhaseTimer timer;
  const TimeWindow window = o.out.window(WallClock::system());  // a bad --since: usage error
  const RuleSources sources = o.rules.sources();
  const RuleLoadResult loaded = load_rule_sources(sources);
  for (const auto& d : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", terminal_safe(d.render_text(), true));
  }
  if (!loaded.ok()) return 2;  // a rule error: nothing is analysed with a broken pack
  timer.mark("rules");
  TimeSpan span;
  Analyzer analyzer(*loaded.rules, o.limits.analyzer_options());
  const auto registry = registry_with_formats(loaded.formats);
  // The prefilter and -j change how fast, never what (prefilter.hpp, parallel_analyze.hpp).
  // The pack's patterns come from the database the build compiled (when it fits this CPU).
  const std::string_view pack = o.rules.no_builtin ? "" : builtin_prefilter_database();
  const auto database =
      o.no_prefilter ? nullptr : PatternDatabase::build(*loaded.rules, prefilter_cache_dir(), pack);
  timer.mark("prefilter database");
  const unsigned jobs = o.jobs > 0 ? o.jobs : std::max(1U, std::thread::hardware_concurrency());
  ProgressMeter progress(!o.quiet, total_input_bytes(o.inputs.paths));
  AnalyzerOptions options = o.limits.analyzer_options();
  options.prefilter = database.get();
  options.window = window;
  AnalyzeRead read{o.inputs, registry, *loaded.rules, options, jobs, {}, &progress, o.follow};
  read.analysed = [&span](const Event& e) { span.observe(e.time, e.time_text); };
  ReadOutcome outcome = analyze_inputs(read, analyzer);
  progress.stop();
  if (o.follow) {
    outcome.summaries =
        follow_inputs(o.inputs, registry, outcome.summaries, analyzer,
                      FollowOutput{o.out.format == "json", !o.no_redact}, read.admit);
  }
  timer.mark("reading and matching");
  AnalysisResult result = analyzer.finish();
  timer.mark("correlation");
  ReadStats stats;
  stats.seconds = seconds_since(started);
  stats.outside_window = analyzer.outside_window();
  span.fill(stats);
  AnalysisResult shown = result;  // what is printed: redacted unless --no-redact
  Redactor().redact(result);      // what is stored: always redacted
  if (!o.no_redact) shown = result;
  timer.mark("redaction");
  const double analysis = timer.total();
  const int code = store_run(o, outcome, result, rules_version(sources), stats.seconds,
                             exit_code_of(o, outcome, result), shown);
  timer.mark("storing the run");
  if (o.verbose) {
    const double stored = timer.total() - analysis;
    fmt::print(stderr,
               "{}; analysis {:.3f} s, storing the run {:.3f} s ({:.1f} % of the analysis)\n",
               timer.line(), analysis, stored, analysis > 0 ? 100 * stored / analysis : 0.0);
  }
  const std::optional<host::HostReport> host = o.out.host_report(shown);
  const AnalysisReport report{
      shown,          outcome.summaries, stats, &*loaded.rules, host ? &*host : nullptr,
      o.out.timeline, &outcome.problems};
  const std::string text = render(o.out, report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return code;
}

}  // namespace

CommandRunner add_analyze_command(CLI::App& app, const std::vector<std::string>& argv) {
  auto o = std::make_shared<AnalyzeOptions>();
  o->argv = argv;
  CLI::App* command = app.add_subcommand(
      "analyze", "find out what went wrong: ranked root causes with proof and fixes");
  o->inputs.add_to(*command);
  o->rules.add_to(*command);
  o->out.add_to(*command);
  o->limits.add_to(*command);
  command->add_option("--fail-on", o->fail_on, "exit 1 when a finding is at or above this")
      ->check(CLI::IsMember({"info", "warning", "error", "critical"}));
  o->history.add_to(*command);
  command->add_flag("--no-db", o->no_db, "do not record this run in the history");
  command->add_flag("--follow", o->follow,
                    "keep reading appended lines (files across rotation, stdin, the journal), "
                    "report diagnoses as they appear; Ctrl-C prints the summary");
  command->add_flag("-v,--verbose", o->verbose, "print how long each phase took on stderr");
  command->add_flag("-q,--quiet", o->quiet, "no progress bar on the terminal");
  command->add_option("-j,--jobs", o->jobs, "inputs read in parallel (default: every core)")
      ->check(CLI::Range(1U, 256U));
  command->add_flag("--no-prefilter", o->no_prefilter,
                    "scan every event with RE2 instead of Hyperscan first (same results, slower)");
  command->add_flag("--no-redact", o->no_redact,
                    "print secrets (tokens, keys) as found; the history is redacted regardless");
  command->footer(
      "Examples:\n"
      "  logdx analyze /var/log/syslog ~/.pm2/logs/\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx analyze\n"
      "  logdx analyze --journal -u openclaw-gateway --since 2h\n"
      "  logdx analyze -o json --fail-on warning gateway.log | jq '.diagnoses[0]'\n"
      "  logdx analyze --since 2h --timeline /var/log/syslog ~/.pm2/logs/\n"
      "  logdx analyze -o markdown ~/.pm2/logs/ > diagnosis.md   # paste into an issue\n"
      "  logdx analyze -o sarif gateway.log > logdx.sarif          # for code scanning / CI\n"
      "  logdx analyze --host ~/.pm2/logs/   # on the gateway's machine: check it now too\n"
      "  logdx analyze --follow -o json ~/.pm2/logs/openclaw-out.log   # JSON lines as they come");
  return [command, o]() {
    if (!command->parsed()) return -1;
    return run_analyze(*o);
  };
}

}  // namespace logdx::cli
