// `logdx analyze`: inputs -> events -> the engine -> ranked diagnoses, printed as text for
// people or JSON per the contract. Exit: 0 nothing at or above --fail-on, 1 something is,
// 2 a usage, rule or input error (the analysis of what could be read is still printed).

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "analysis_json.hpp"
#include "analysis_text.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "limit_options.hpp"
#include "logdx/engine/analyzer.hpp"
#include "rule_options.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

struct AnalyzeOptions {
  InputOptions inputs;
  RuleOptions rules;
  LimitOptions limits;
  std::string output = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  bool no_db = false;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool at_or_above(const std::vector<Diagnosis>& diagnoses, Severity threshold) {
  for (const auto& d : diagnoses) {
    if (d.severity >= threshold || at_or_above(d.explains, threshold)) return true;
  }
  return false;
}

int run_analyze(const AnalyzeOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const RuleLoadResult loaded = o.rules.load();
  for (const auto& d : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", terminal_safe(d.render_text(), true));
  }
  if (!loaded.ok()) return 2;  // a rule error: nothing is analysed with a broken pack
  Analyzer analyzer(*loaded.rules, o.limits.analyzer_options());
  const auto registry = ParserRegistry::builtin();
  const ReadOutcome outcome = read_inputs(
      o.inputs, registry, [&analyzer](Event&& e, std::size_t index) { analyzer.add(e, index); });
  const AnalysisResult result = analyzer.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string text = o.output == "json"
                               ? analysis_json(result, outcome.summaries)
                               : analysis_text(result, outcome.summaries, ReadStats{seconds},
                                               TextStyle{use_color(o.color)});
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
  o->limits.add_to(*command);
  command->add_option("-o,--output", o->output, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  command->add_option("--fail-on", o->fail_on, "exit 1 when a finding is at or above this")
      ->check(CLI::IsMember({"info", "warning", "error", "critical"}));
  command->add_option("--color", o->color, "auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_flag("--no-db", o->no_db, "do not record this run (history is not built yet)");
  command->footer(
      "Examples:\n"
      "  logdx analyze /var/log/syslog ~/.pm2/logs/\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx analyze\n"
      "  logdx analyze -o json --fail-on warning gateway.log | jq '.diagnoses[0]'");
  return [command, o]() {
    if (!command->parsed()) return -1;
    return run_analyze(*o);
  };
}

}  // namespace logdx::cli
