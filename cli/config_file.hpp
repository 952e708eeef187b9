#pragma once
// The user's configuration file, $XDG_CONFIG_HOME/logdx/config.yaml: defaults for the options
// of the same name (`rules`, `db`, `color`, `fail-on`, `max-line-bytes`). This file finds and
// reads it; config_apply.hpp lays it under the command line. Problems are values with
// file:line:column, like the rule loader's, so the CLI can report them all and exit 2.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logdx::cli {

// Every key the file may hold; each is the long name of the option it sets a default for.
inline constexpr std::string_view kConfigKeys[] = {"rules", "db", "color", "fail-on",
                                                   "max-line-bytes"};

// The environment the location depends on; a value, so tests need not touch the process's.
struct ConfigEnvironment {
  std::string logdx_config;     // $LOGDX_CONFIG
  std::string xdg_config_home;  // $XDG_CONFIG_HOME
  std::string home;             // $HOME

  static ConfigEnvironment from_process();
};

// Which file is read and why. A file named by --config or LOGDX_CONFIG must exist; the
// default one is optional.
struct ConfigLocation {
  std::string path;    // empty: none can be named (no HOME) or --no-config
  std::string origin;  // "--config", "LOGDX_CONFIG", "$XDG_CONFIG_HOME", "~/.config", "--no-config"
  bool required = false;
};

ConfigLocation locate_config(const std::optional<std::string>& flag, const ConfigEnvironment& env);

struct ConfigProblem {
  std::string file;
  int line = 0;  // 1-based; 0 when about the whole file
  int column = 0;
  std::string message;
  std::string source_line;  // the offending line, for a caret under the spot

  // "file:line:col: error: message" and, when known, the line with a caret.
  std::string render() const;
};

// One key as the file wrote it, already checked. Paths are expanded (`~/`) and made absolute
// against the file's folder, so they mean the same from any working directory.
struct ConfigSetting {
  std::string key;
  std::vector<std::string> values;  // one, except for `rules`
  int line = 0;
  int column = 0;
};

struct ConfigFile {
  std::string path;
  bool found = false;                   // false: no file there (fine for the default location)
  std::vector<ConfigSetting> settings;  // in file order
  std::vector<ConfigProblem> problems;

  bool ok() const { return problems.empty(); }
  const ConfigSetting* find(std::string_view key) const;
};

// Checks one configuration text; `name` is used in positions, `home` expands `~`.
ConfigFile parse_config_text(const std::string& text, const std::string& name,
                             const std::string& home);

// Reads the file at `location`; a missing optional file is an empty, found=false config.
ConfigFile read_config_file(const ConfigLocation& location, const std::string& home);

}  // namespace logdx::cli
