// `logdx rules`: list, show, lint, test, schema. Loading problems are rule errors: exit 2
// (contract); `lint` and `test` print them on stdout because they are what was asked for,
// the other subcommands on stderr.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "builtin_rules.hpp"
#include "commands.hpp"
#include "format_registry.hpp"
#include "logdx/engine/prefilter.hpp"
#include "logdx/engine/rule_tester.hpp"
#include "logdx/parsers/text_events.hpp"
#include "output_options.hpp"
#include "rule_options.hpp"
#include "rules_views.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

constexpr int kOk = 0;
constexpr int kRuleError = 2;

struct RulesArgs {
  RuleOptions rules;
  std::vector<std::string> checked;  // lint / test PATH...
  std::string id;                    // show ID
  std::string format = "text";
};

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

int run_list(const RulesArgs& args) {
  const RuleSources sources = args.rules.sources();
  const RuleLoadResult loaded = load_rule_sources(sources);
  const RuleCollection collection = collect_rule_sources(sources);
  if (args.format == "json") {
    print_rule_list_json(collection);
  } else {
    print_rule_table(collection);
  }
  if (!has_errors(loaded.diagnostics)) return kOk;
  print_diagnostics(stderr, loaded.diagnostics);
  fmt::print(stderr, "logdx: error: the rules do not load (see `logdx rules lint`)\n");
  return kRuleError;
}

int run_show(const RulesArgs& args) {
  const RuleSources sources = args.rules.sources();
  const RuleCollection collection = collect_rule_sources(sources);
  const CollectedRule* collected = collection.find(args.id);
  if (collected == nullptr) {
    fmt::print(stderr, "logdx: error: no rule has the id '{}'{} (see `logdx rules list`)\n",
               terminal_safe(args.id), suggest_rule_id(args.id, collection));
    return kRuleError;
  }
  if (!collected->enabled) {
    print_disabled_rule(*collected);
    return kOk;
  }
  const RuleLoadResult loaded = load_rule_sources(sources);
  const CompiledRule* rule = loaded.ok() ? loaded.rules->find(args.id) : nullptr;
  if (rule == nullptr) {
    print_diagnostics(stderr, loaded.diagnostics);
    fmt::print(stderr, "logdx: error: the rules do not load (see `logdx rules lint`)\n");
    return kRuleError;
  }
  print_rule(*rule, *collected);
  return kOk;
}

// Patterns the Hyperscan prefilter cannot take: still exact (RE2 checks them on every event),
// but each costs a regex run per line, so the author should know.
void print_prefilter_notes(const RuleLoadResult& loaded) {
  if (!loaded.rules) return;
  // The pack's verdicts come from its build-time database (same reasons, no compile).
  const auto database = PatternDatabase::build(*loaded.rules, {}, builtin_prefilter_database());
  if (!database) return;
  for (const RejectedPattern& r : database->rejected()) {
    const CompiledRule& rule = loaded.rules->rules()[r.ref.rule];
    const CompiledPattern& pattern = rule.patterns[r.ref.pattern];
    fmt::print(
        "{}:{}:{}: note: rule '{}': pattern checked by RE2 on every event, not by the "
        "prefilter ({})\n",
        pattern.at.file.view(), pattern.at.line, pattern.at.column, rule.id,
        terminal_safe(r.reason));
  }
  if (!database->rejected().empty()) fmt::print("\n");
}

// What lint checked, in the user's terms: their files and the rules those define. The pack is
// loaded under them (for its macros and lists, and the rules they override) but not counted,
// unless it is all there is.
std::string checked_words(const RuleLoadResult& loaded, const RuleSources& sources) {
  std::vector<std::string> files;
  std::copy_if(loaded.files.begin(), loaded.files.end(), std::back_inserter(files),
               [](const std::string& f) { return !is_builtin_rule_file(f); });
  const bool pack_only = files.empty();
  const RuleCollection collection = collect_rule_sources(sources);
  const auto rules =
      std::count_if(collection.rules.begin(), collection.rules.end(), [&](const CollectedRule& r) {
        return pack_only ||
               std::find(files.begin(), files.end(), r.def.at.file.view()) != files.end();
      });
  if (pack_only) {
    return fmt::format("the built-in pack ({}, {})", plural(loaded.files.size(), "file"),
                       plural(static_cast<std::size_t>(rules), "rule"));
  }
  const bool with_pack = files.size() < loaded.files.size();
  return fmt::format("{} ({}){}", plural(files.size(), "file"),
                     plural(static_cast<std::size_t>(rules), "rule"),
                     with_pack ? ", checked with the built-in pack" : "");
}

int run_lint(const RulesArgs& args) {
  const RuleSources sources = args.rules.sources();
  const RuleLoadResult loaded = load_rule_sources(sources);
  const auto errors =
      static_cast<std::size_t>(std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                                             [](const RuleDiagnostic& d) { return d.is_error(); }));
  const std::size_t warnings = loaded.diagnostics.size() - errors;
  const std::string summary =
      fmt::format("{}, {} in {}", plural(errors, "error"), plural(warnings, "warning"),
                  checked_words(loaded, sources));
  if (args.format == "json") {
    std::string out = "[";
    for (const RuleDiagnostic& d : loaded.diagnostics) {
      if (out.size() > 1) out += ",\n ";
      out += d.render_json();
    }
    fmt::print("{}]\n", out);
    fmt::print(stderr, "{}\n", summary);
  } else {
    print_diagnostics(stdout, loaded.diagnostics);
    if (!loaded.diagnostics.empty()) fmt::print("\n");
    print_prefilter_notes(loaded);
    fmt::print("{}\n", summary);
  }
  return errors > 0 ? kRuleError : kOk;
}

// With PATHs, only the tests written in those files count: the pack (and the user folder)
// are loaded for their lists, macros and the rules the files override, not tested again.
bool is_checked(const RuleTestResult& result, const std::vector<std::string>& files) {
  return files.empty() ||
         std::find(files.begin(), files.end(), result.at.file.view()) != files.end();
}

int run_test(const RulesArgs& args) {
  const RuleLoadResult loaded = args.rules.load();
  if (!loaded.ok()) {
    print_diagnostics(stdout, loaded.diagnostics);
    fmt::print("\nlogdx: error: the rules do not load, so no test ran (see `logdx rules lint`)\n");
    return kRuleError;
  }
  const std::vector<std::string> files = expand_rule_paths(args.checked);
  // Each test line is also read as `analyze -` reads a paste, with the same parsers (the
  // built-in ones and the rules' `formats:`), and the rule must hold on the events it makes.
  const ParserRegistry registry = registry_with_formats(loaded.formats);
  const RuleTestReport report = run_rule_tests(*loaded.rules, [&registry](std::string_view line) {
    return read_text_events(registry, line);
  });
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::vector<RuleDiagnostic> failures;
  for (std::size_t i = 0, d = 0; i < report.results.size(); ++i) {
    const RuleTestResult& result = report.results[i];
    // The report has one diagnostic per failed result, in the same order.
    const RuleDiagnostic* diagnostic = result.passed ? nullptr : &report.diagnostics[d++];
    if (!is_checked(result, files)) continue;
    if (result.passed) {
      ++passed;
    } else {
      ++failed;
      failures.push_back(*diagnostic);
    }
  }
  print_diagnostics(stdout, failures);
  if (!failures.empty()) fmt::print("\n");
  fmt::print("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? kRuleError : kOk;
}

}  // namespace

CommandRunner add_rules_command(CLI::App& app) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* rules = app.add_subcommand("rules", "list, show, check and test diagnosis rules");
  rules->require_subcommand(1);
  rules->footer(
      "Rules load in this order: the built-in pack, --rules PATH..., then\n"
      "$XDG_CONFIG_HOME/logdx/rules/ (default ~/.config/logdx/rules/). The language: "
      "docs/rules.md.\n"
      "Exit codes: 0 fine; 2 a rule error (a problem with `error` severity, a failed rule\n"
      "test, an unknown rule id) or a usage error.\n"
      "Examples:\n"
      "  logdx rules list\n"
      "  logdx rules show gateway-port-in-use\n"
      "  logdx rules lint my-rules.yaml\n"
      "  logdx rules test my-rules.yaml");

  CLI::App* list =
      rules->add_subcommand("list", "every rule: id, cause, severity, origin, enabled");
  add_text_or_json_option(*list, args->format);
  list->footer(
      "Examples:\n"
      "  logdx rules list\n"
      "  logdx rules list -o json | jq -r '.[] | select(.cause == \"port_conflict\") | .id'\n"
      "  logdx rules list --rules my-rules.yaml   # the pack plus your file");
  CLI::App* show =
      rules->add_subcommand("show", "one rule in full: patterns as written and expanded");
  show->add_option("id", args->id, "the rule id (see `logdx rules list`)")->required();
  show->footer(
      "Examples:\n"
      "  logdx rules show gateway-port-in-use\n"
      "  logdx rules show my-rule --rules my-rules.yaml");
  CLI::App* lint = rules->add_subcommand(
      "lint", "check rule files and print every problem at once (exit 2 on any error)");
  lint->add_option("paths", args->checked, "rule files or folders to check with the pack");
  add_text_or_json_option(*lint, args->format);
  lint->footer(
      "Examples:\n"
      "  logdx rules lint                       # the built-in pack and your rules folder\n"
      "  logdx rules lint my-rules.yaml\n"
      "  logdx rules lint -o json rules/ | jq '.[] | select(.severity == \"error\")'");
  CLI::App* test = rules->add_subcommand(
      "test", "run the tests embedded in rules; last line `N passed, M failed`");
  test->add_option("paths", args->checked, "only the tests in these files (loaded after the pack)");
  test->footer(
      "Each test line is matched as written and as `analyze` reads it alone (envelope\n"
      "peeled, paste cleaned): both must agree (docs/rules.md, \"Tests\").\n"
      "A failed test is a rule error: exit code 2, like a lint error.\n"
      "Examples:\n"
      "  logdx rules test                 # every rule's embedded tests\n"
      "  logdx rules test my-rules.yaml   # only the tests in your file");
  CLI::App* schema = rules->add_subcommand("schema", "print the JSON Schema of the rule language");
  schema->footer(
      "Examples:\n"
      "  logdx rules schema > logdx-rules.schema.json   # for editor completion of rule files");
  for (CLI::App* command : {list, show, lint, test}) args->rules.add_to(*command);

  return [=]() {
    if (!rules->parsed()) return -1;
    args->rules.paths.insert(args->rules.paths.end(), args->checked.begin(), args->checked.end());
    if (list->parsed()) return run_list(*args);
    if (show->parsed()) return run_show(*args);
    if (lint->parsed()) return run_lint(*args);
    if (test->parsed()) return run_test(*args);
    if (schema->parsed()) {
      fmt::print("{}\n", rule_schema_json());
      return kOk;
    }
    return kRuleError;
  };
}

}  // namespace logdx::cli
