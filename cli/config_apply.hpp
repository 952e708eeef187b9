#pragma once
// Lays the configuration file under the command line: each key is the default of the option of
// the same long name (`color` -> --color) in every command that has it, so the precedence is
// flag > file > built-in default with no per-command code. `rules` is the exception that
// adds: the file's rule paths load before the --rules ones (which may override them by id),
// and --no-user-rules skips them like the user rules folder.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config_file.hpp"

namespace CLI {
class App;
}

namespace logdx::cli {

// One value of a setting and where it came from: "default", "flag" or "<file>:<line>".
struct SettingValue {
  std::string text;
  std::string origin;
};

// A configurable option of a parsed command after the file was applied.
struct EffectiveSetting {
  const CLI::App* command = nullptr;
  std::string key;
  std::vector<SettingValue> values;
};

struct ConfigState {
  std::optional<std::string> flag;  // --config PATH
  bool disabled = false;            // --no-config
  bool locate_only = false;         // `config path`: name the file, do not read it
  ConfigLocation location;
  ConfigFile file;
  std::map<std::string, std::string, std::less<>> defaults;  // key -> built-in default, as text
  std::vector<EffectiveSetting> effective;
  const CLI::App* mirror = nullptr;  // `config show`: its options copy others', not defaults
};

// The global --config PATH and --no-config options (given before or after the command).
void add_config_options(CLI::App& app, ConfigState& state);

// Notes each configurable option's built-in default; call after every command is added and
// before parsing (parsing overwrites the bound variables).
void remember_defaults(CLI::App& app, ConfigState& state);

// Applies `file` to the parsed commands of `app`. Returns the settings of every configurable
// option of a parsed command; a value an option refuses becomes a problem in `file`.
std::vector<EffectiveSetting> apply_config(
    CLI::App& app, ConfigFile& file,
    const std::map<std::string, std::string, std::less<>>& defaults);

// After parsing: finds, reads and applies the file, printing every problem on stderr.
// Returns 2 when there was one (the contract's exit code), else -1 (go on).
int load_config(CLI::App& app, ConfigState& state, const ConfigEnvironment& env);

}  // namespace logdx::cli
