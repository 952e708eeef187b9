// `logdx analyze`: inputs -> events (within --since/--until) -> the engine -> ranked
// diagnoses, printed as text for people, JSON per the contract, Markdown or SARIF
// (output_options.hpp). Exit: 0 nothing at or above --fail-on, 1 something is,
// 2 a usage, rule or input error (the analysis of what could be read is still printed).

#include <chrono>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "input_options.hpp"
#include "logdx/engine/analyzer.hpp"
#include "output_options.hpp"
#include "rule_options.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

struct AnalyzeOptions {
  InputOptions inputs;
  RuleOptions rules;
  OutputOptions out;
  std::string fail_on = "error";
  bool no_db = false;
};

bool at_or_above(const std::vector<Diagnosis>& diagnoses, Severity threshold) {
  for (const auto& d : diagnoses) {
    if (d.severity >= threshold || at_or_above(d.explains, threshold)) return true;
  }
  return false;
}

int run_analyze(const AnalyzeOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  TimeWindow window = o.out.window(WallClock::system());  // a bad --since is a usage error
  const RuleLoadResult loaded = o.rules.load();
  for (const auto& d : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", terminal_safe(d.render_text(), true));
  }
  if (!loaded.ok()) return 2;  // a rule error: nothing is analysed with a broken pack
  TimeSpan span;
  Analyzer analyzer(*loaded.rules);
  const auto registry = ParserRegistry::builtin();
  const ReadOutcome outcome =
      read_inputs(o.inputs, registry, [&](Event&& e, std::size_t index) {
        if (!window.keep(e, index)) return;
        span.observe(e.time, e.time_text);
        analyzer.add(e, index);
      });
  const AnalysisResult result = analyzer.finish();
  const std::optional<host::HostReport> host = o.out.host_report(result);
  ReadStats stats;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stats.outside_window = window.dropped();
  span.fill(stats);
  const AnalysisReport report{result,        outcome.summaries,           stats,
                              &*loaded.rules, host ? &*host : nullptr, o.out.timeline};
  const std::string text = render(o.out, report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  if (outcome.had_error) return 2;
  return at_or_above(result.diagnoses, *severity_from_string(o.fail_on)) ? 1 : 0;
}

}  // namespace

CommandRunner add_analyze_command(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app.add_subcommand(
      "analyze", "find out what went wrong: ranked root causes with proof and fixes");
  o->inputs.add_to(*command);
  o->rules.add_to(*command);
  o->out.add_to(*command);
  command->add_option("--fail-on", o->fail_on, "exit 1 when a finding is at or above this")
      ->check(CLI::IsMember({"info", "warning", "error", "critical"}));
  command->add_flag("--no-db", o->no_db, "do not record this run (history is not built yet)");
  command->footer(
      "Examples:\n"
      "  logdx analyze /var/log/syslog ~/.pm2/logs/\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx analyze\n"
      "  logdx analyze -o json --fail-on warning gateway.log | jq '.diagnoses[0]'\n"
      "  logdx analyze --since 2h --timeline /var/log/syslog ~/.pm2/logs/\n"
      "  logdx analyze -o markdown ~/.pm2/logs/ > diagnosis.md   # paste into an issue\n"
      "  logdx analyze -o sarif gateway.log > logdx.sarif          # for code scanning / CI\n"
      "  logdx analyze --host ~/.pm2/logs/   # on the gateway's machine: check it now too");
  return [command, o]() {
    if (!command->parsed()) return -1;
    return run_analyze(*o);
  };
}

}  // namespace logdx::cli
