// RuleCompiler::compile: compiles every enabled rule, runs the whole-set checks and builds the
// RE2::Set scans.
#include <fmt/format.h>

#include <utility>

#include "logdx/engine/rule_compiler.hpp"
#include "rules/compile_rule.hpp"
#include "rules/placeholder_coverage.hpp"
#include "rules/rule_checks.hpp"

namespace logdx {
namespace {

bool is_scanned(const CompiledPattern& pattern) {
  return pattern.positive && pattern.role != CompiledPattern::Role::field_value &&
         (pattern.field.empty() || pattern.field == "raw");
}

void check_scannable(const RuleDef& def, const CompiledRule& rule,
                     std::vector<RuleDiagnostic>& out) {
  const std::string what = fmt::format("match of rule '{}'", rule.id);
  constexpr std::string_view kNeed =
      "regex that every match must hit (on message or raw, outside 'not', in each 'any' branch)";
  if (!rules::needs_scan_hit(rule.match, rule)) {
    out.push_back(make_rule_diagnostic(RuleProblem::missing_key, def.match->at, {what, kNeed}));
  }
  if (!rule.correlate) return;
  for (std::size_t i = 0; i < rule.correlate->steps.size(); ++i) {
    if (!rules::needs_scan_hit(rule.correlate->steps[i], rule)) {
      out.push_back(
          make_rule_diagnostic(RuleProblem::missing_key, def.correlate->steps[i].at,
                               {fmt::format("step {} of rule '{}'", i + 1, rule.id), kNeed}));
    }
  }
  if (rule.correlate->missing && !rules::needs_scan_hit(*rule.correlate->missing, rule)) {
    out.push_back(make_rule_diagnostic(RuleProblem::missing_key, def.correlate->missing->at,
                                       {fmt::format("'missing' of rule '{}'", rule.id), kNeed}));
  }
}

void check_join_target(const RuleDef& def, const CompiledRule& rule,
                       const RuleCollection& collection, std::vector<RuleDiagnostic>& out) {
  if (!rule.correlate || rule.correlate->kind != Correlate::Kind::join) return;
  if (collection.find(rule.correlate->rule)) return;
  out.push_back(make_rule_diagnostic(
      RuleProblem::wrong_type, def.correlate->rule.at,
      {fmt::format("join rule '{}'", rule.correlate->rule), "the id of a defined rule"}));
}

// Each `subsumed_by` entry names a defined rule (disabled ones count: a user may turn the
// stronger rule off, and then this one reports alone) other than the rule itself.
void check_subsumers(const RuleDef& def, const RuleCollection& collection,
                     std::vector<RuleDiagnostic>& out) {
  if (!def.subsumed_by) return;
  for (const LocatedString& id : *def.subsumed_by) {
    if (id.value != def.id.value && collection.find(id.value)) continue;
    out.push_back(make_rule_diagnostic(
        RuleProblem::wrong_type, id.at,
        {fmt::format("subsumed_by entry '{}'", id.value), "the id of another defined rule"}));
  }
}

// The set is built now only when a pattern in it was not checked by the build (a user's
// rule), so that a refusal is reported at load; else on first scan.
std::optional<PatternScan> build_scan(const std::vector<CompiledRule>& rules, bool raw,
                                      std::int64_t max_mem, std::vector<RuleDiagnostic>& out) {
  std::vector<SharedText> patterns;
  std::vector<PatternRef> refs;
  const CompiledPattern* unchecked = nullptr;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (std::size_t p = 0; p < rules[r].patterns.size(); ++p) {
      const CompiledPattern& pattern = rules[r].patterns[p];
      if (!is_scanned(pattern) || (pattern.field == "raw") != raw) continue;
      patterns.push_back(pattern.expanded);
      refs.push_back({r, p});
      if (!pattern.at.source || !pattern.at.source->checked_at_build) unchecked = &pattern;
    }
  }
  PatternScan scan(std::move(patterns), std::move(refs), max_mem);
  if (unchecked == nullptr) return scan;
  if (std::string error = scan.prepare(); !error.empty()) {
    out.push_back(make_rule_diagnostic(RuleProblem::bad_regex, SourcePosition{}, {error}));
    return std::nullopt;
  }
  return scan;
}

}  // namespace

RuleCompileResult RuleCompiler::compile(RuleCollection collection) const {
  RuleCompileResult result;
  auto& out = result.diagnostics;
  const RE2::Options options = rule_regex_options(options_.pattern_max_mem);
  std::vector<CompiledRule> compiled;
  std::vector<const RuleDef*> defs;
  compiled.reserve(collection.rules.size());
  defs.reserve(collection.rules.size());
  for (CollectedRule& collected : collection.rules) {
    const RuleDef& def = collected.def;
    if (!collected.enabled || def.damaged || !def.match || !def.cause) continue;
    std::optional<RuleTests> tests = std::exchange(collected.def.tests, std::nullopt);
    if (auto rule = rules::compile_rule(collected, collection, options, out)) {
      if (tests) rule->tests = std::move(*tests);
      compiled.push_back(std::move(*rule));
      defs.push_back(&def);
    }
  }
  rules::NameTable names;
  for (const CompiledRule& rule : compiled) {
    auto& known = names[rule.id];
    known = rule.capture_names;
    for (const auto& [name, value] : rule.facts) known.push_back(name);
  }
  for (std::size_t i = 0; i < compiled.size(); ++i) {
    rules::check_placeholders(*defs[i], compiled[i], names, out);
    rules::check_explains(*defs[i], out);
    // The build refuses a pack with warnings: its rules need no second look at every start.
    if (!(defs[i]->at.source && defs[i]->at.source->checked_at_build)) {
      rules::check_placeholder_coverage(*defs[i], compiled[i], out);
    }
    check_scannable(*defs[i], compiled[i], out);
    check_join_target(*defs[i], compiled[i], collection, out);
    check_subsumers(*defs[i], collection, out);
    for (const CompiledPattern& pattern : compiled[i].patterns) {
      // The build refuses a pack with warnings, so its patterns need no second look.
      const bool checked = pattern.at.source && pattern.at.source->checked_at_build;
      if (checked) continue;
      if (is_scanned(pattern)) rules::check_pattern_shape(pattern, out);
      rules::check_class_bytes(pattern, out);
    }
  }
  if (has_errors(out)) return result;
  auto message_scan = build_scan(compiled, false, options_.set_max_mem, out);
  auto raw_scan = build_scan(compiled, true, options_.set_max_mem, out);
  if (!message_scan || !raw_scan) return result;
  result.rules.emplace(std::move(compiled), std::move(*message_scan), std::move(*raw_scan));
  return result;
}

}  // namespace logdx
