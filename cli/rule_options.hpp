#pragma once
// Where rules come from, for every command that loads them (`rules ...`, later `analyze`): the
// built-in pack compiled into the binary, then `--rules` files and folders in the order given,
// then the user folder $XDG_CONFIG_HOME/logdx/rules/ (default ~/.config/logdx/rules/) when it
// exists. Later sources may add rules and change pack rules by id (docs/rules.md). The config
// file's `rules` reach `paths` before the --rules ones (config_apply.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_loader.hpp"

namespace CLI {
class App;
}

namespace logdx::cli {

// The rule files of one run, read into memory in load order. The pack is text already and the
// loader takes either paths or texts, so files are read here; a file that cannot be read is a
// problem in its own right (the reader's unreadable-file / file-too-large) and is left out.
struct RuleSources {
  std::vector<RuleText> texts;
  std::vector<RuleDiagnostic> problems;
  std::vector<std::string> unread;                                  // names of the files left out
  std::size_t max_file_bytes = RuleReaderOptions{}.max_file_bytes;  // --max-rule-file-bytes
  bool pack_tests = true;  // false: the pack's rule tests are not decoded (analyze)
};

struct RuleOptions {
  std::vector<std::string> paths;  // --rules, in order
  bool no_builtin = false;
  bool no_user = false;
  std::size_t max_file_bytes = RuleReaderOptions{}.max_file_bytes;  // larger files are refused

  // --rules, --no-builtin-rules, --no-user-rules, --max-rule-file-bytes.
  void add_to(CLI::App& command);
  RuleSources sources() const;
  // Loads everything `sources()` names; the RuleSet is there only when nothing has errors.
  RuleLoadResult load() const;
};

// Every file a path stands for, as the loader expands it: a folder gives its *.yaml / *.yml
// files (not recursive) sorted by name; anything else stands for itself.
std::vector<std::string> expand_rule_paths(const std::vector<std::string>& paths);

// The loader on texts, with the sources' own problems (unreadable files) added.
RuleLoadResult load_rule_sources(const RuleSources& sources);

// The rules of an analysis, where one broken file of the user's must not cost the rest: a rule
// file other than the pack's that has an error is left out whole (its problems stay in
// `result.diagnostics` with their file:line:col) and everything else loads. An error in the pack
// itself still leaves no RuleSet. `skipped` names the files left out, in load order.
struct TolerantRuleLoad {
  RuleLoadResult result;
  std::vector<std::string> skipped;
};
TolerantRuleLoad load_skipping_broken_files(const RuleSources& sources);

// Whether a rule file is one of the built-in pack's (named "builtin:...").
bool is_builtin_rule_file(std::string_view name);

// The rules as defined after overrides, disabled ones included, without compiling anything
// (what `rules list` shows). Problems are not reported here; `load_rule_sources` has them.
RuleCollection collect_rule_sources(const RuleSources& sources);

}  // namespace logdx::cli
