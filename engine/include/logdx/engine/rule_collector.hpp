#pragma once
// Stage 2 of rule loading: RuleFiles in load order (built-in pack first, then user files) ->
// one ordered set of rule definitions by id, plus the lists and macros of all files.
//
// Semantics (docs/rules.md):
// - A new id defines a rule; the same id again without `override: true` is duplicate-id
//   (both positions named), unless the entry is only `id` + `enabled`, which switches the
//   earlier rule on or off.
// - `override: true` patches the earlier rule: every key the override writes (title, cause,
//   severity, confidence, sources, tags, match, key, facts, correlate, explains, fixes, tests,
//   enabled) REPLACES the earlier value as a whole (lists are not appended; `match` is not
//   merged); keys it does not write stay. The rule keeps its place in the order and its origin.
// - `override: true` or an `id`+`enabled` stub for an id nobody defined is override-unknown.
// - Lists and macros: later files may add names; defining a name twice is an error
//   (reported as duplicate-id, naming both positions).
// - After all files: every rule must have `cause` and `match` (missing-key).

#include <map>
#include <string>
#include <vector>

#include "logdx/engine/rule_diagnostic.hpp"
#include "logdx/engine/rule_file.hpp"

namespace logdx {

struct CollectedRule {
  RuleDef def;  // after overrides
  bool enabled = true;
  std::vector<SourcePosition> overridden_at;  // each override / enabled stub applied, in order
};

struct RuleCollection {
  std::vector<CollectedRule> rules;  // in definition order
  std::map<std::string, ListDef, std::less<>> lists;
  std::map<std::string, MacroDef, std::less<>> macros;

  const CollectedRule* find(std::string_view id) const;
};

class RuleCollector {
 public:
  // Room for this many rule definitions (every file's, when known): the built-in pack's
  // RuleDefs are large, and growing the vector file by file touched twice the memory.
  void reserve(std::size_t rules) { collection_.rules.reserve(rules); }
  // Adds one file's definitions; call in load order.
  void add(const RuleFile& file);
  void add(RuleFile&& file);  // the same, moving the definitions out of `file`
  // Runs the whole-set checks and hands over the result; the collector is empty afterwards.
  RuleCollection finish();
  const std::vector<RuleDiagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<RuleDiagnostic> take_diagnostics() { return std::move(diagnostics_); }

 private:
  void add_rule(RuleDef&& rule);
  CollectedRule* find(std::string_view id);
  void report(RuleProblem code, const SourcePosition& where,
              std::initializer_list<std::string_view> args,
              const SourcePosition* related = nullptr);

  RuleCollection collection_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<RuleDiagnostic> diagnostics_;
};

}  // namespace logdx
