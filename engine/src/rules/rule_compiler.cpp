#include "logdx/engine/rule_compiler.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/compile_rule.hpp"
#include "rules/named_groups.hpp"
#include "rules/pattern_expander.hpp"
#include "rules/rule_checks.hpp"

namespace logdx {
namespace {

using Role = CompiledPattern::Role;

// Compiles one rule's conditions, collecting its patterns.
class RuleBuilder {
 public:
  RuleBuilder(const RuleCollection& collection, const RE2::Options& options, CompiledRule& rule,
              std::vector<RuleDiagnostic>& out)
      : collection_(collection), options_(options), rule_(rule), out_(out) {}

  std::optional<CompiledCondition> condition(const Condition& in, Role role, int step,
                                             bool positive) {
    CompiledCondition out;
    out.kind = in.kind;
    out.field = in.field;
    bool ok = true;
    switch (in.kind) {
      case Condition::Kind::regex:
        ok = pattern(in.pattern, in.field, role, step, positive, out);
        break;
      case Condition::Kind::any:
      case Condition::Kind::all:
      case Condition::Kind::negate:
        for (const Condition& child : in.children) {
          const bool child_positive = positive && in.kind != Condition::Kind::negate;
          auto compiled = condition(child, role, step, child_positive);
          if (compiled) out.children.push_back(std::move(*compiled));
          ok = ok && compiled.has_value();
        }
        break;
      case Condition::Kind::source:
        for (const auto& kind : in.sources) out.sources.push_back(kind.value);
        break;
      case Condition::Kind::field_value:
        ok = field_value(in, out);
        break;
      case Condition::Kind::pid_capture:
        if (in.capture) out.capture = in.capture->value;
        break;
      case Condition::Kind::level:
        out.at_least = in.at_least;
        break;
    }
    if (!ok) return std::nullopt;
    return out;
  }

 private:
  bool field_value(const Condition& in, CompiledCondition& out) {
    for (const auto& value : in.values) out.values.push_back(value.value);
    if (in.in_list) {
      auto list = collection_.lists.find(in.in_list->value);
      if (list == collection_.lists.end()) {
        out_.push_back(
            make_rule_diagnostic(RuleProblem::unknown_list, in.in_list->at, {in.in_list->value}));
        return false;
      }
      for (const auto& value : list->second.values) out.values.push_back(value.value);
    }
    if (in.pattern.at.line == 0 && in.pattern.value.empty()) return true;
    return pattern(in.pattern, in.field, Role::field_value, -1, false, out);
  }

  bool pattern(const LocatedString& written, const std::string& field, Role role, int step,
               bool positive, CompiledCondition& out) {
    auto expanded_text = rules::expand_pattern(written, collection_, out_);
    if (!expanded_text) return false;
    const SharedText expanded(std::move(*expanded_text));
    auto re = written.at.source && written.at.source->checked_at_build
                  ? deferred(expanded, role)
                  : compiled(written, expanded, role);
    if (!re) return false;
    out.re = re;
    out.pattern = static_cast<int>(rule_.patterns.size());
    rule_.patterns.push_back(
        {std::move(re), written.value, expanded, field, written.at, role, step, positive});
    return true;
  }

  // Checked by the build: compiled on first use, its captures read from the text.
  std::shared_ptr<const RuleRegex> deferred(const SharedText& expanded, Role role) {
    if (role == Role::match || role == Role::step) {
      for (std::string& name : rules::named_groups(expanded)) {
        rule_.capture_names.push_back(std::move(name));
      }
    }
    return std::make_shared<const RuleRegex>(expanded, options_.max_mem());
  }

  // A user's pattern: compiled now, so that its errors are reported at load.
  std::shared_ptr<const RuleRegex> compiled(const LocatedString& written,
                                            const SharedText& expanded, Role role) {
    auto re = std::make_unique<const RE2>(re2::StringPiece(expanded.view().data(), expanded.size()),
                                          options_);
    if (!re->ok()) {
      out_.push_back(make_rule_diagnostic(
          RuleProblem::bad_regex,
          rules::position_in(written, written.value.find(re->error_arg()), re->error_arg()),
          {re->error()}));
      return nullptr;
    }
    for (const auto& [name, index] : re->NamedCapturingGroups()) {
      if (role == Role::match || role == Role::step) rule_.capture_names.push_back(name);
    }
    return std::make_shared<const RuleRegex>(std::move(re));
  }

  const RuleCollection& collection_;
  const RE2::Options& options_;
  CompiledRule& rule_;
  std::vector<RuleDiagnostic>& out_;
};

void copy_plain_keys(const RuleDef& def, CompiledRule& rule) {
  rule.id = def.id.value;
  rule.origin = def.at;
  if (def.title) rule.title = def.title->value;
  if (def.cause) rule.cause = def.cause->value;
  if (def.severity) rule.severity = def.severity->value;
  if (def.confidence) rule.confidence = def.confidence->value;
  if (def.report) rule.report = def.report->value;
  if (def.sources) {
    for (const auto& kind : *def.sources) rule.sources.push_back(kind.value);
  }
  const auto values = [](const std::optional<std::vector<LocatedString>>& in) {
    std::vector<std::string> out;
    if (in) {
      for (const auto& item : *in) out.push_back(item.value);
    }
    return out;
  };
  rule.tags = values(def.tags);
  rule.key = values(def.key);
  rule.explains = values(def.explains);
  rule.subsumed_by = values(def.subsumed_by);
  if (def.fixes) {
    for (const Fix& fix : *def.fixes) {
      rule.fixes.push_back({fix.kind, fix.text.value, fix.file ? fix.file->value : std::string(),
                            fix.why.value, fix.when ? fix.when->value : std::string(),
                            fix.unless ? fix.unless->value : std::string()});
    }
  }
  if (def.tests) rule.tests = *def.tests;
}

bool compile_correlate(const Correlate& in, RuleBuilder& builder, CompiledRule& rule) {
  CompiledCorrelate out;
  out.kind = in.kind;
  out.within = in.within.value;
  for (const auto& name : in.group_by) out.group_by.push_back(name.value);
  out.count = in.count;
  out.rule = in.rule.value;
  for (const auto& [mine, theirs] : in.on) out.on.emplace_back(mine.value, theirs.value);
  out.required = in.required;
  if (in.confidence_without) out.confidence_without = in.confidence_without->value;
  if (in.report_cut) out.report_cut = in.report_cut->value;
  if (in.confidence_cut) out.confidence_cut = in.confidence_cut->value;
  bool ok = true;
  for (std::size_t i = 0; i < in.steps.size(); ++i) {
    auto step = builder.condition(in.steps[i], Role::step, static_cast<int>(i), true);
    if (step) out.steps.push_back(std::move(*step));
    ok = ok && step.has_value();
  }
  if (in.missing) {
    out.missing = builder.condition(*in.missing, Role::missing, -1, true);
    ok = ok && out.missing.has_value();
  }
  rule.correlate = std::move(out);
  return ok;
}

}  // namespace

RE2::Options rule_regex_options(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

namespace rules {

std::optional<CompiledRule> compile_rule(const CollectedRule& collected,
                                         const RuleCollection& collection,
                                         const RE2::Options& options,
                                         std::vector<RuleDiagnostic>& out) {
  const RuleDef& def = collected.def;
  CompiledRule rule;
  copy_plain_keys(def, rule);
  const std::size_t errors_before = out.size();
  RuleBuilder builder(collection, options, rule, out);
  auto match = builder.condition(*def.match, Role::match, -1, true);
  bool ok = match.has_value();
  if (match) rule.match = std::move(*match);
  if (def.correlate) ok = compile_correlate(*def.correlate, builder, rule) && ok;
  std::sort(rule.capture_names.begin(), rule.capture_names.end());
  rule.capture_names.erase(std::unique(rule.capture_names.begin(), rule.capture_names.end()),
                           rule.capture_names.end());
  // Without a `facts:` block the facts are every capture that took part in a match, chosen
  // when the diagnosis is built (empty `facts` here): templates made now would print an
  // optional capture that matched nothing as a literal "{name}".
  if (def.facts) {
    for (const auto& [name, value] : *def.facts) rule.facts.emplace_back(name.value, value.value);
  }
  if (!ok || out.size() != errors_before) return std::nullopt;
  return rule;
}

}  // namespace rules
}  // namespace logdx
