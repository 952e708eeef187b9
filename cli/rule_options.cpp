#include "rule_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "builtin_rules.hpp"
#include "limit_options.hpp"
#include "logdx/engine/rule_reader.hpp"

namespace logdx::cli {
namespace {

namespace fs = std::filesystem;

bool is_rule_file(const fs::path& path) {
  const auto ext = path.extension();
  return ext == ".yaml" || ext == ".yml";
}

// $XDG_CONFIG_HOME/logdx/rules, or ~/.config/logdx/rules; empty when neither can be named.
fs::path user_rules_folder() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  if (config != nullptr && *config != '\0') return fs::path(config) / "logdx" / "rules";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return fs::path(home) / ".config" / "logdx" / "rules";
  return {};
}

// Reads one file, or leaves the refusal to the engine's reader so the message is the one
// the loader itself gives (and a huge file is refused before a byte is read).
void add_file(const std::string& name, const RuleReaderOptions& limits, RuleSources& out) {
  std::error_code ec;
  const auto size = fs::file_size(name, ec);
  if (!ec && size <= limits.max_file_bytes) {
    std::ifstream in(name, std::ios::binary);
    std::ostringstream text;
    if (in && (size == 0 || text << in.rdbuf())) {
      out.texts.push_back({name, std::move(text).str()});
      return;
    }
  }
  RuleReadResult refused = RuleReader(limits).read_file(name);
  out.unread.push_back(name);
  std::move(refused.diagnostics.begin(), refused.diagnostics.end(),
            std::back_inserter(out.problems));
}

// Whether `file` is the on-disk source of the built-in file named "builtin:rules/<base>": the
// same path as the pack's folder in the source tree this binary was built from, or the same
// bytes. Loading the pack twice would report every rule as a duplicate.
bool is_pack_file(const RuleText& builtin, const RuleText& file) {
  if (builtin.text == file.text) return true;
  constexpr std::string_view kPrefix = "builtin:rules/";
  if (builtin.name.rfind(kPrefix, 0) != 0) return false;
  std::error_code ec;
  const fs::path source = fs::path(LOGDX_SOURCE_RULES_DIR) / builtin.name.substr(kPrefix.size());
  return fs::equivalent(source, file.name, ec) && !ec;
}

// A rule file given on the command line that is one of the pack's own files takes that file's
// place (`logdx rules lint rules/` checks the pack as it is on disk, edits included) instead of
// loading it a second time after the pack.
void replace_pack_files(std::vector<RuleText>& builtin, std::vector<RuleText>& given) {
  std::erase_if(given, [&builtin](const RuleText& file) {
    for (RuleText& entry : builtin) {
      if (is_pack_file(entry, file)) {
        entry = file;
        return true;
      }
    }
    return false;
  });
}

}  // namespace

std::vector<std::string> expand_rule_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.push_back(path);
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.is_regular_file(ec) && is_rule_file(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) out.push_back(file.string());
  }
  return out;
}

void RuleOptions::add_to(CLI::App& command) {
  // One path per --rules (repeat it): a greedy option would take the inputs after it
  // (`logdx analyze --rules mine.yaml gateway.log`) for rule files.
  command.add_option("--rules", paths, "a rule file or folder loaded after the pack (repeatable)")
      ->type_name("PATH")
      ->allow_extra_args(false);
  command.add_flag("--no-builtin-rules", no_builtin, "do not load the built-in rule pack");
  command.add_flag("--no-user-rules", no_user,
                   "do not load $XDG_CONFIG_HOME/logdx/rules/ (default ~/.config/logdx/rules/) "
                   "nor the config file's `rules`");
  whole_number(command.add_option("--max-rule-file-bytes", max_file_bytes,
                                  "refuse rule files larger than this (default 8388608, 1024 to "
                                  "1073741824)"),
               1024, std::size_t{1} << 30)
      ->group(kAdvancedGroup);
}

RuleSources RuleOptions::sources() const {
  RuleSources given;
  given.max_file_bytes = max_file_bytes;
  std::vector<std::string> all = paths;
  if (!no_user) {
    const fs::path folder = user_rules_folder();
    std::error_code ec;
    if (!folder.empty() && fs::is_directory(folder, ec)) all.push_back(folder.string());
  }
  const RuleReaderOptions limits{.max_file_bytes = max_file_bytes};
  for (const std::string& file : expand_rule_paths(all)) add_file(file, limits, given);
  if (no_builtin) return given;
  RuleSources out = std::move(given);
  std::vector<RuleText> pack = builtin_rule_texts();
  replace_pack_files(pack, out.texts);
  out.texts.insert(out.texts.begin(), std::make_move_iterator(pack.begin()),
                   std::make_move_iterator(pack.end()));
  return out;
}

RuleLoadResult RuleOptions::load() const { return load_rule_sources(sources()); }

RuleLoadResult load_rule_sources(const RuleSources& sources) {
  const RuleReaderOptions reader{.max_file_bytes = sources.max_file_bytes,
                                 .pack_tests = sources.pack_tests};
  RuleLoadResult result = RuleLoader(reader).load_texts(sources.texts);
  if (sources.problems.empty()) return result;
  // Whole-file problems first: they explain why a file's rules are missing from the rest.
  result.diagnostics.insert(result.diagnostics.begin(), sources.problems.begin(),
                            sources.problems.end());
  result.files.insert(result.files.end(), sources.unread.begin(), sources.unread.end());
  if (has_errors(result.diagnostics)) result.rules.reset();
  return result;
}

bool is_builtin_rule_file(std::string_view name) { return name.rfind("builtin:", 0) == 0; }

namespace {

// The user files (not the pack's) that an error points into.
std::set<std::string> broken_user_files(const std::vector<RuleDiagnostic>& diagnostics) {
  std::set<std::string> broken;
  for (const RuleDiagnostic& d : diagnostics) {
    if (d.is_error() && !d.where.file.empty() && !is_builtin_rule_file(d.where.file)) {
      broken.emplace(d.where.file.view());
    }
  }
  return broken;
}

}  // namespace

TolerantRuleLoad load_skipping_broken_files(const RuleSources& sources) {
  TolerantRuleLoad out{load_rule_sources(sources), sources.unread};
  if (out.result.ok()) return out;
  // Every problem of the first pass is reported, whatever is skipped afterwards. Unread files
  // are reported there once; they are not among the texts, so the next pass goes without them.
  std::vector<RuleDiagnostic> reported = out.result.diagnostics;
  RuleSources kept = sources;
  kept.problems.clear();
  kept.unread.clear();
  out.result = load_rule_sources(kept);
  // Leaving a file out can break another that used its macros or lists: repeat until the rest
  // loads or only the pack's own errors are left. The first round's errors are reported already.
  for (bool first_round = true; !out.result.ok(); first_round = false) {
    const std::set<std::string> broken = broken_user_files(out.result.diagnostics);
    const auto before = kept.texts.size();
    std::erase_if(kept.texts, [&broken](const RuleText& t) { return broken.count(t.name) > 0; });
    if (kept.texts.size() == before) break;
    for (const RuleDiagnostic& d : out.result.diagnostics) {
      if (!first_round && d.is_error() && broken.count(std::string(d.where.file.view())) > 0)
        reported.push_back(d);
    }
    out.skipped.insert(out.skipped.end(), broken.begin(), broken.end());
    out.result = load_rule_sources(kept);
  }
  out.result.diagnostics = std::move(reported);
  return out;
}

RuleCollection collect_rule_sources(const RuleSources& sources) {
  const RuleLoader loader;
  RuleCollector collector;
  for (const RuleText& text : sources.texts) collector.add(loader.read(text).file);
  return collector.finish();
}

}  // namespace logdx::cli
