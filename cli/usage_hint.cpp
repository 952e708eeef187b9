#include "usage_hint.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string_view>

#include "logdx/engine/edit_distance.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

// The closest of `known` to `word` when it is a plausible typo: at most two edits and less
// about half the word, or the start of exactly one name ("anal" for analyze).
std::string nearest(std::string_view word, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = std::min<std::size_t>(3, word.size() / 2 + 1);
  for (const std::string& name : known) {
    const std::size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  if (!best.empty() || word.size() < 3) return best;
  std::vector<std::string> starts;
  std::copy_if(known.begin(), known.end(), std::back_inserter(starts),
               [word](const std::string& name) { return name.rfind(word, 0) == 0; });
  return starts.size() == 1 ? starts.front() : std::string();
}

std::vector<CLI::App*> subcommands_of(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

CLI::App* find_subcommand(CLI::App& app, const std::string& word) {
  for (CLI::App* sub : subcommands_of(app)) {
    if (sub->check_name(word)) return sub;
  }
  return nullptr;
}

std::string path_of(const CLI::App& app) {
  if (app.get_parent() == nullptr) return "logdx";
  return path_of(*app.get_parent()) + " " + app.get_name();
}

// The option an argument names ("--since", "--since=2h", "-j4", "-vq"), here or in a parent.
const CLI::Option* find_option(const CLI::App& app, std::string_view arg) {
  const bool is_long = arg.rfind("--", 0) == 0;
  const std::string name =
      is_long ? std::string(arg.substr(2, arg.find('=') - 2)) : std::string(arg.substr(1, 1));
  for (const CLI::App* at = &app; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* opt : at->get_options()) {
      const auto& names = is_long ? opt->get_lnames() : opt->get_snames();
      if (std::find(names.begin(), names.end(), name) != names.end()) return opt;
    }
  }
  return nullptr;
}

// Whether the next argument is this option's value (not written in the same word).
bool value_follows(const CLI::Option& opt, std::string_view arg) {
  if (opt.get_items_expected_max() == 0) return false;  // a flag
  const bool is_long = arg.rfind("--", 0) == 0;
  return is_long ? arg.find('=') == std::string_view::npos : arg.size() == 2;
}

std::string unknown_option(const CLI::App& app, const std::string& arg) {
  std::vector<std::string> known;
  for (const CLI::App* at = &app; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* opt : at->get_options()) {
      for (const auto& l : opt->get_lnames()) known.push_back("--" + l);
    }
  }
  const std::string word = arg.substr(0, arg.find('='));
  const std::string best = nearest(word, known);
  return fmt::format("unknown option '{}' for '{}'{}; see '{} --help'", terminal_safe(word),
                     path_of(app), best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best),
                     path_of(app));
}

std::string unknown_command(CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  std::vector<std::string> known;  // aliases too: `analyse` is a spelling of its own
  for (CLI::App* sub : subcommands_of(app)) {
    names.push_back(sub->get_name());
    known.push_back(sub->get_name());
    for (const auto& alias : sub->get_aliases()) known.push_back(alias);
  }
  const std::string best = nearest(word, known);
  return fmt::format("'{}' is not a {} command{}; commands: {} (see '{} --help')",
                     terminal_safe(word), path_of(app),
                     best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                     fmt::join(names, ", "), path_of(app));
}

bool takes_positionals(const CLI::App& app) {
  const auto all = app.get_options();
  return std::any_of(all.begin(), all.end(),
                     [](const CLI::Option* o) { return o->get_positional(); });
}

}  // namespace

std::string usage_hint(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* at = &app;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;  // the rest are paths
    if (arg.size() > 1 && arg[0] == '-') {
      const CLI::Option* opt = find_option(*at, arg);
      if (opt == nullptr) return unknown_option(*at, arg);
      if (value_follows(*opt, arg)) ++i;
      continue;
    }
    if (CLI::App* sub = find_subcommand(*at, arg)) {
      at = sub;
      continue;
    }
    if (!takes_positionals(*at) && !subcommands_of(*at).empty()) return unknown_command(*at, arg);
  }
  return {};
}

}  // namespace logdx::cli
