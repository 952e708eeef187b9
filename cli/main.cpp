// logdx: wires the libraries to the command line. Every exception that reaches here is an
// error the user must see, with exit code 2 (contract).

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "builtin_rules.hpp"
#include "commands.hpp"
#include "config_apply.hpp"
#include "logdx/storage/database.hpp"
#include "usage_hint.hpp"
#include "version_text.hpp"

int main(int argc, char** argv) {
  CLI::App app{"logdx: find out why a self-hosted OpenClaw gateway went down", "logdx"};
  app.set_version_flag("-V,--version", [] {
    return logdx::cli::version_text(LOGDX_VERSION, logdx::builtin_rule_texts(),
                                    logdx::storage::latest_schema_version());
  });
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  logdx analyze /var/log/syslog ~/.pm2/logs/\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx analyze --since 2h\n"
      "  logdx analyze -o markdown gateway.log   # paste into a GitHub issue\n"
      "  logdx incidents --since 7d\n"
      "  logdx <command> --help\n"
      "Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 a usage, rule, input,\n"
      "configuration or history error. Settings: `logdx config show`. Manual: `man logdx`.");
  auto config = std::make_shared<logdx::cli::ConfigState>();
  logdx::cli::add_config_options(app, *config);
  const std::vector<std::string> command_line(argv, argv + argc);  // recorded with each run
  std::vector<logdx::cli::CommandRunner> runners = {
      logdx::cli::add_parse_command(app),
      logdx::cli::add_detect_command(app),
      logdx::cli::add_analyze_command(app, command_line),
      logdx::cli::add_rules_command(app),
      logdx::cli::add_incidents_command(app),
      logdx::cli::add_history_command(app),
      logdx::cli::add_query_command(app),
      logdx::cli::add_config_command(app, config),
  };
  logdx::cli::remember_defaults(app, *config);
  // `analyse` is not a typo: the British spelling runs analyze. Not a CLI11 alias, which would
  // list it in every help beside the name.
  std::vector<std::string> args(command_line.rbegin(), command_line.rend() - 1);
  for (auto it = args.rbegin(); it != args.rend(); ++it) {
    if (*it == "--config") {
      if (++it == args.rend()) break;
      continue;
    }
    if (it->empty() || (*it)[0] == '-') continue;
    if (*it == "analyse") *it = "analyze";
    break;
  }
  try {
    app.parse(std::move(args));
  } catch (const CLI::ParseError& e) {
    // A mistyped command or option is named with its nearest spelling; CLI11's own message
    // ("A subcommand is required") would blame the user for something they did write.
    const std::string hint =
        e.get_exit_code() == 0 ? "" : logdx::cli::usage_hint(app, command_line);
    if (hint.empty()) {
      const int code = app.exit(e);
      return code == 0 ? 0 : 2;
    }
    fmt::print(stderr, "logdx: error: {}\n", hint);
    return 2;
  }
  try {
    const int config_error =
        logdx::cli::load_config(app, *config, logdx::cli::ConfigEnvironment::from_process());
    if (config_error >= 0) return config_error;
    for (auto& run : runners) {
      const int code = run();
      if (code >= 0) return code;
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "logdx: error: {}\n", e.what());
    return 2;
  }
  return 2;
}
