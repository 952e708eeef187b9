#include "config_apply.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

std::string option_name(std::string_view key) { return fmt::format("--{}", key); }

// Every command and subcommand, parsed or not, depth first.
void each_command(CLI::App& app, const std::function<void(CLI::App&)>& visit) {
  for (CLI::App* sub : app.get_subcommands(std::function<bool(CLI::App*)>())) {
    visit(*sub);
    each_command(*sub, visit);
  }
}

// The parsed commands only (`logdx history prune`: history, then prune).
void each_parsed(CLI::App& app, const std::function<void(CLI::App&)>& visit) {
  for (CLI::App* sub : app.get_subcommands()) {
    visit(*sub);
    each_parsed(*sub, visit);
  }
}

bool given(CLI::App& command, std::string_view name) {
  const CLI::Option* option = command.get_option_no_throw(std::string(name));
  return option != nullptr && option->count() > 0;
}

std::string file_origin(const ConfigFile& file, const ConfigSetting& setting) {
  return fmt::format("{}:{}", file.path, setting.line);
}

// Sets the option's results as if typed, running its own conversion and checks.
void set_results(CLI::Option& option, const std::vector<std::string>& values) {
  option.clear();
  for (const auto& v : values) option.add_result(v);
  option.run_callback();
}

EffectiveSetting apply_one(CLI::App& command, CLI::Option& option, std::string_view key,
                           ConfigFile& file, const std::string& fallback) {
  EffectiveSetting out{&command, std::string(key), {}};
  const ConfigSetting* setting = file.find(key);
  const bool from_flag = option.count() > 0;
  std::vector<std::string> flagged = option.results();
  // --no-user-rules keeps the run to the pack and the command line.
  if (key == "rules" && given(command, "--no-user-rules")) setting = nullptr;
  if (from_flag && (key != "rules" || setting == nullptr)) {
    for (auto& v : flagged) out.values.push_back({v, "flag"});
    return out;
  }
  if (setting == nullptr) {
    if (!fallback.empty()) out.values.push_back({fallback, "default"});
    return out;
  }
  std::vector<std::string> all = setting->values;
  for (const auto& v : setting->values) out.values.push_back({v, file_origin(file, *setting)});
  all.insert(all.end(), flagged.begin(), flagged.end());
  for (auto& v : flagged) out.values.push_back({v, "flag"});
  try {
    set_results(option, all);
  } catch (const CLI::Error& e) {
    file.problems.push_back({file.path,
                             setting->line,
                             setting->column,
                             fmt::format("'{}' is refused by {} {}: {}", key, command.get_name(),
                                         option_name(key), e.what()),
                             {}});
  }
  return out;
}

}  // namespace

void add_config_options(CLI::App& app, ConfigState& state) {
  app.add_option("--config", state.flag,
                 "read this configuration file instead of $XDG_CONFIG_HOME/logdx/config.yaml")
      ->type_name("PATH");
  app.add_flag("--no-config", state.disabled, "read no configuration file");
  // The global options are accepted after the command name too (`logdx analyze --config x`):
  // commands added later inherit this, those added before are told here.
  app.fallthrough();
  each_command(app, [](CLI::App& command) { command.fallthrough(); });
}

void remember_defaults(CLI::App& app, ConfigState& state) {
  each_command(app, [&state](CLI::App& command) {
    if (&command == state.mirror) return;
    for (std::string_view key : kConfigKeys) {
      CLI::Option* option = command.get_option_no_throw(option_name(key));
      if (option == nullptr || state.defaults.count(key) > 0) continue;
      // Capturing writes the help's "[default]"; put back what was there.
      const std::string shown = option->get_default_str();
      option->capture_default_str();
      std::string value = option->get_default_str();
      option->default_str(shown);
      if (value == "[]" || value == "{}") value.clear();  // an empty list
      state.defaults.emplace(std::string(key), std::move(value));
    }
  });
}

std::vector<EffectiveSetting> apply_config(
    CLI::App& app, ConfigFile& file,
    const std::map<std::string, std::string, std::less<>>& defaults) {
  std::vector<EffectiveSetting> out;
  each_parsed(app, [&](CLI::App& command) {
    for (std::string_view key : kConfigKeys) {
      CLI::Option* option = command.get_option_no_throw(option_name(key));
      if (option == nullptr) continue;
      const auto d = defaults.find(key);
      out.push_back(
          apply_one(command, *option, key, file, d == defaults.end() ? std::string() : d->second));
    }
  });
  return out;
}

int load_config(CLI::App& app, ConfigState& state, const ConfigEnvironment& env) {
  state.location =
      state.disabled ? ConfigLocation{"", "--no-config", false} : locate_config(state.flag, env);
  if (!state.locate_only) state.file = read_config_file(state.location, env.home);
  if (state.file.ok()) state.effective = apply_config(app, state.file, state.defaults);
  for (const auto& problem : state.file.problems) {
    fmt::print(stderr, "{}\n", terminal_safe(problem.render(), true));
  }
  return state.file.ok() ? -1 : 2;
}

}  // namespace logdx::cli
