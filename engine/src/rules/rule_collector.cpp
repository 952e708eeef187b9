#include "logdx/engine/rule_collector.hpp"

#include <fmt/format.h>

namespace logdx {
namespace {

template <typename T>
void patch(std::optional<T>& target, std::optional<T>&& value) {
  if (value) target = std::move(value);
}

template <typename T>
void patch(HeapOptional<T>& target, HeapOptional<T>&& value) {
  if (value) target = std::move(value);
}

// Moves every key the override wrote over the earlier definition.
void apply_override(RuleDef& base, RuleDef&& change) {
  patch(base.title, std::move(change.title));
  patch(base.cause, std::move(change.cause));
  patch(base.severity, std::move(change.severity));
  patch(base.confidence, std::move(change.confidence));
  patch(base.sources, std::move(change.sources));
  patch(base.tags, std::move(change.tags));
  patch(base.match, std::move(change.match));
  patch(base.key, std::move(change.key));
  patch(base.facts, std::move(change.facts));
  patch(base.correlate, std::move(change.correlate));
  patch(base.explains, std::move(change.explains));
  patch(base.subsumed_by, std::move(change.subsumed_by));
  patch(base.fixes, std::move(change.fixes));
  patch(base.tests, std::move(change.tests));
  patch(base.enabled, std::move(change.enabled));
  patch(base.report, std::move(change.report));
  base.damaged = base.damaged || change.damaged;
}

// What to add to a duplicate-id error whose first definition is the built-in pack's: the usual
// way to meet it is testing or linting a copy of the pack (an older checkout, an edited
// export) on top of the pack itself.
std::string builtin_duplicate_hint(const SourcePosition& earlier) {
  if (!earlier.file.view().starts_with("builtin:")) return "";
  return " by the built-in pack (to test or lint a copy of the pack, add --no-builtin-rules)";
}

}  // namespace

bool RuleDef::is_stub() const {
  return !title && !cause && !severity && !confidence && !sources && !tags && !match && !key &&
         !facts && !correlate && !explains && !subsumed_by && !fixes && !tests && !report;
}

const CollectedRule* RuleCollection::find(std::string_view id) const {
  for (const CollectedRule& rule : rules) {
    if (rule.def.id.value == id) return &rule;
  }
  return nullptr;
}

CollectedRule* RuleCollector::find(std::string_view id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &collection_.rules[it->second];
}

void RuleCollector::report(RuleProblem code, const SourcePosition& where,
                           std::initializer_list<std::string_view> args,
                           const SourcePosition* related) {
  diagnostics_.push_back(make_rule_diagnostic(code, where, args));
  if (related) diagnostics_.back().related = *related;
}

void RuleCollector::add(const RuleFile& file) { add(RuleFile(file)); }

// Definitions are moved, not copied: the built-in pack is collected at every start, and
// copying its rules was a tenth of a one-line run.
void RuleCollector::add(RuleFile&& file) {
  for (ListDef& list : file.lists) {
    const std::string name = list.name.value;
    auto [it, added] = collection_.lists.try_emplace(name, std::move(list));
    if (!added) {
      report(RuleProblem::duplicate_id, list.name.at,
             {"list", list.name.value, format_position(it->second.name.at),
              builtin_duplicate_hint(it->second.name.at)},
             &it->second.name.at);
    }
  }
  for (MacroDef& macro : file.macros) {
    const std::string name = macro.name.value;
    auto [it, added] = collection_.macros.try_emplace(name, std::move(macro));
    if (!added) {
      report(RuleProblem::duplicate_id, macro.name.at,
             {"macro", macro.name.value, format_position(it->second.name.at),
              builtin_duplicate_hint(it->second.name.at)},
             &it->second.name.at);
    }
  }
  for (RuleDef& rule : file.rules) add_rule(std::move(rule));
}

void RuleCollector::add_rule(RuleDef&& rule) {
  CollectedRule* earlier = find(rule.id.value);
  const bool toggles = rule.is_stub() && rule.enabled.has_value();
  if (!earlier) {
    if (rule.override_ || toggles) {
      report(RuleProblem::override_unknown, rule.id.at,
             {rule.id.value, rule.override_ ? "has override: true" : "only sets enabled"});
      return;
    }
    index_.emplace(rule.id.value, collection_.rules.size());
    const bool enabled = !rule.enabled || rule.enabled->value;
    collection_.rules.push_back(CollectedRule{std::move(rule), enabled, {}});
    return;
  }
  if (!rule.override_ && !toggles) {
    report(RuleProblem::duplicate_id, rule.id.at,
           {"rule", rule.id.value, format_position(earlier->def.id.at),
            builtin_duplicate_hint(earlier->def.id.at) + " (write override: true to change it)"},
           &earlier->def.id.at);
    return;
  }
  if (rule.enabled) earlier->enabled = rule.enabled->value;
  earlier->overridden_at.push_back(rule.at);
  apply_override(earlier->def, std::move(rule));
}

RuleCollection RuleCollector::finish() {
  for (const CollectedRule& rule : collection_.rules) {
    if (rule.def.damaged) continue;  // its own error is reported; avoid a cascade
    const std::string what = fmt::format("rule '{}'", rule.def.id.value);
    if (!rule.def.cause) report(RuleProblem::missing_key, rule.def.at, {what, "'cause'"});
    if (!rule.def.match) report(RuleProblem::missing_key, rule.def.at, {what, "'match'"});
  }
  index_.clear();
  return std::exchange(collection_, {});
}

}  // namespace logdx
