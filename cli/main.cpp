// logdx: wires the libraries to the command line. Every exception that reaches here is an
// error the user must see, with exit code 2 (contract).

#include <exception>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"logdx: find out why a self-hosted OpenClaw gateway went down", "logdx"};
  app.set_version_flag("-V,--version", fmt::format("logdx {}", LOGDX_VERSION));
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  logdx analyze /var/log/syslog ~/.pm2/logs/\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx analyze --since 2h\n"
      "  logdx analyze -o markdown gateway.log   # paste into a GitHub issue\n"
      "Run `logdx COMMAND --help` for each command's options and examples.");
  const std::vector<std::string> command_line(argv, argv + argc);  // recorded with each run
  std::vector<logdx::cli::CommandRunner> runners = {
      logdx::cli::add_parse_command(app),
      logdx::cli::add_detect_command(app),
      logdx::cli::add_analyze_command(app, command_line),
      logdx::cli::add_rules_command(app),
      logdx::cli::add_incidents_command(app),
      logdx::cli::add_history_command(app),
      logdx::cli::add_query_command(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
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
