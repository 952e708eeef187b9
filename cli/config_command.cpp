// `logdx config show|path`: the effective configuration and where each value came from, and
// which configuration file logdx reads. The file itself is read and applied in main, before any
// command runs (config_apply.hpp); this only prints the result.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "config_apply.hpp"
#include "limit_options.hpp"
#include "logdx/storage/database.hpp"
#include "terminal_text.hpp"
#include "text_table.hpp"

namespace logdx::cli {
namespace {

// The same options as the commands they configure, so `config show --color never` shows what
// a command line does to the file's values.
struct ShowOptions {
  std::vector<std::string> rules;
  std::string db;
  std::string color;
  std::string fail_on;
  std::string max_line_bytes;
  bool no_user_rules = false;
};

void add_show_options(CLI::App& show, ShowOptions& o) {
  show.add_option("--rules", o.rules, "as in analyze: a rule file or folder (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  show.add_flag("--no-user-rules", o.no_user_rules, "as in analyze: leave out the file's rules");
  show.add_option("--db", o.db, "as in analyze: the history database");
  show.add_option("--color", o.color, "as in analyze: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  show.add_option("--fail-on", o.fail_on, "as in analyze: info, warning, error or critical")
      ->check(CLI::IsMember({"info", "warning", "error", "critical"}));
  whole_number(show.add_option("--max-line-bytes", o.max_line_bytes,
                               "as in analyze: cut longer lines (256 to 1073741824)"),
               256, std::size_t{1} << 30);
}

std::string file_line(const ConfigState& state) {
  const ConfigLocation& where = state.location;
  if (where.path.empty()) return fmt::format("file: none ({})", where.origin);
  return fmt::format("file: {} (from {}; {})", where.path, where.origin,
                     state.file.found ? "read" : "not found, built-in defaults apply");
}

int run_show(const ConfigState& state, const CLI::App* show) {
  fmt::print("{}\n\n", terminal_safe(file_line(state)));
  TextTable table({"KEY", "VALUE", "FROM"}, 1);
  for (std::string_view key : kConfigKeys) {
    for (const EffectiveSetting& s : state.effective) {
      if (s.command != show || s.key != key) continue;
      // The history's default path is computed when used, so the option's default is empty.
      if (s.values.empty()) {
        table.add_row(
            {s.key, key == "db" ? storage::default_database_path() : "(none)", "default"});
      }
      for (const SettingValue& v : s.values) table.add_row({s.key, v.text, v.origin});
    }
  }
  fmt::print("{}", table.render(output_width()));
  return 0;
}

int run_path(const ConfigState& state) {
  if (state.location.path.empty()) {
    fmt::print(stderr, "logdx: error: no configuration file can be named ({})\n",
               state.location.origin);
    return 2;
  }
  fmt::print("{}\n", terminal_safe(state.location.path));
  return 0;
}

}  // namespace

CommandRunner add_config_command(CLI::App& app, std::shared_ptr<ConfigState> state) {
  auto o = std::make_shared<ShowOptions>();
  CLI::App* command = app.add_subcommand("config", "show the configuration file and its values");
  command->require_subcommand(1);
  command->footer(
      "The file is $XDG_CONFIG_HOME/logdx/config.yaml (default ~/.config/logdx/config.yaml),\n"
      "or --config PATH, or $LOGDX_CONFIG. Keys: rules, db, color, fail-on, max-line-bytes;\n"
      "each is the default of the option of the same name. Flags win over the file.\n"
      "Examples:\n"
      "  logdx config show\n"
      "  logdx config show --color never\n"
      "  ${EDITOR:-vi} \"$(logdx config path)\"");
  CLI::App* show = command->add_subcommand("show", "every setting's value and where it came from");
  add_show_options(*show, *o);
  show->footer(
      "FROM is `default`, `flag`, or the file and line that set the value.\n"
      "Examples:\n"
      "  logdx config show\n"
      "  logdx --config ./ci-logdx.yaml config show --fail-on warning");
  CLI::App* path = command->add_subcommand("path", "print the configuration file's path");
  path->footer(
      "The path is printed whether or not the file exists; the file is not read.\n"
      "Examples:\n"
      "  logdx config path\n"
      "  mkdir -p \"$(dirname \"$(logdx config path)\")\"");
  path->parse_complete_callback([state]() { state->locate_only = true; });
  state->mirror = show;
  return [command, show, path, state, o]() {
    if (!command->parsed()) return -1;
    if (path->parsed()) return run_path(*state);
    return run_show(*state, show);
  };
}

}  // namespace logdx::cli
