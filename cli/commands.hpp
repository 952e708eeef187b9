#pragma once
// The logdx subcommands. Each registers its options on the CLI11 app and returns the exit
// code per the contract (0 fine, 1 findings at or above --fail-on, 2 usage/input/rule/db error).

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace logdx::cli {

struct ConfigState;
using CommandRunner = std::function<int()>;

// Each adds its subcommand to `app` and returns the function that runs it once parsed.
CommandRunner add_parse_command(CLI::App& app);
CommandRunner add_detect_command(CLI::App& app);
CommandRunner add_analyze_command(CLI::App& app, const std::vector<std::string>& argv);
CommandRunner add_incidents_command(CLI::App& app);
CommandRunner add_history_command(CLI::App& app);
CommandRunner add_query_command(CLI::App& app);
CommandRunner add_rules_command(CLI::App& app);
// `config show|path`; `state` is filled in by load_config (config_apply.hpp) after parsing.
CommandRunner add_config_command(CLI::App& app, std::shared_ptr<ConfigState> state);

}  // namespace logdx::cli
