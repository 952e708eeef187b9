// Reading `correlate:` (docs/rules.md "Correlation"): exactly one of threshold, sequence,
// absent, join.
#include <array>
#include <string>

#include "rules/condition_reader.hpp"

namespace logdx::rules {
namespace {

using Entries = std::vector<std::pair<LocatedString, YAML::Node>>;

// The entries of a mapping whose keys are all in `allowed`; nullopt after reporting otherwise.
std::optional<Entries> entries(const YAML::Node& node, const SourcePosition& where,
                               std::span<const std::string_view> allowed, std::string_view what,
                               YamlContext& context) {
  if (!context.expect_map(node, where, what)) return std::nullopt;
  Entries out;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto key = context.key(it->first, what);
    if (!key || !context.known_key(*key, allowed, what)) {
      ok = false;
      continue;
    }
    out.emplace_back(std::move(*key), it->second);
  }
  if (!ok) return std::nullopt;
  return out;
}

bool read_steps(const YAML::Node& node, const SourcePosition& where, Correlate& out,
                YamlContext& context) {
  if (!node.IsSequence() || node.size() == 0) {
    context.report(RuleProblem::wrong_type, context.at(node, where),
                   {"steps", "a non-empty list of {match: ...}"});
    return false;
  }
  static constexpr std::array<std::string_view, 1> kStepKeys = {"match"};
  bool ok = true;
  for (const YAML::Node& step : node) {
    auto fields = entries(step, context.at(step, where), kStepKeys, "a sequence step", context);
    if (!fields || fields->empty()) {
      if (fields)
        context.report(RuleProblem::missing_key, context.at(step, where),
                       {"a sequence step", "'match'"});
      ok = false;
      continue;
    }
    auto& [key, value] = fields->front();
    if (auto condition = read_condition(value, context.at(value, key.at), context)) {
      out.steps.push_back(std::move(*condition));
    } else {
      ok = false;
    }
  }
  return ok;
}

bool read_join_entry(const LocatedString& key, const YAML::Node& value, Correlate& out,
                     YamlContext& context) {
  if (key.value == "rule") {
    auto rule = context.scalar(value, key.at, "join rule");
    if (rule) out.rule = std::move(*rule);
    return rule.has_value();
  }
  if (key.value == "on") {
    auto on = context.string_map(value, key.at, "join on");
    if (on) out.on = std::move(*on);
    return on.has_value();
  }
  if (key.value == "required") {
    auto required = context.boolean(value, key.at, "required");
    if (required) out.required = required->value;
    return required.has_value();
  }
  auto confidence = context.number(value, key.at, "confidence_without");
  if (!confidence) return false;
  if (!(confidence->value >= 0.0 && confidence->value <= 1.0)) {
    context.report(RuleProblem::bad_confidence, confidence->at, {value.Scalar()});
    return false;
  }
  out.confidence_without = confidence;
  return true;
}

// `on_cut: report | ignore` and `confidence_cut` (sequence / absent): what a window the end of
// its input cut short counts for.
bool read_cut_entry(const LocatedString& key, const YAML::Node& value, Correlate& out,
                    YamlContext& context) {
  if (key.value == "on_cut") {
    const std::string word = value.IsScalar() ? value.Scalar() : std::string();
    if (word != "report" && word != "ignore") {
      context.report(RuleProblem::wrong_type, context.at(value, key.at),
                     {"on_cut", "report or ignore"});
      return false;
    }
    out.report_cut = Located<bool>{word == "report", context.at(value, key.at)};
    return true;
  }
  auto confidence = context.number(value, key.at, "confidence_cut");
  if (!confidence) return false;
  if (!(confidence->value >= 0.0 && confidence->value <= 1.0)) {
    context.report(RuleProblem::bad_confidence, confidence->at, {value.Scalar()});
    return false;
  }
  out.confidence_cut = confidence;
  return true;
}

// One key of threshold/sequence/absent.
bool read_window_entry(const LocatedString& key, const YAML::Node& value, Correlate& out,
                       YamlContext& context) {
  if (key.value == "within") {
    auto within = context.duration(value, key.at, "within");
    if (within) out.within = *within;
    return within.has_value();
  }
  if (key.value == "group_by") {
    auto names = context.scalars(value, key.at, "group_by", true);
    if (names) out.group_by = std::move(*names);
    return names.has_value();
  }
  if (key.value == "count") {
    int count = 0;
    if (!value.IsScalar() || !YAML::convert<int>::decode(value, count) || count < 1) {
      context.report(RuleProblem::wrong_type, context.at(value, key.at),
                     {"count", "a whole number of at least 1"});
      return false;
    }
    out.count = count;
    return true;
  }
  if (key.value == "steps") return read_steps(value, key.at, out, context);
  if (key.value == "on_cut" || key.value == "confidence_cut") {
    return read_cut_entry(key, value, out, context);
  }
  auto missing = read_condition(value, context.at(value, key.at), context);  // absent: missing
  if (missing) out.missing = std::move(*missing);
  return missing.has_value();
}

struct KindSpec {
  std::string_view name;
  Correlate::Kind kind;
  std::vector<std::string_view> keys;
  std::vector<std::string_view> required;
};

const std::array<KindSpec, 4>& kind_specs() {
  static const std::array<KindSpec, 4> kSpecs = {{
      {"threshold",
       Correlate::Kind::threshold,
       {"count", "within", "group_by"},
       {"count", "within"}},
      {"sequence",
       Correlate::Kind::sequence,
       {"within", "group_by", "steps", "on_cut", "confidence_cut"},
       {"within", "steps"}},
      {"absent",
       Correlate::Kind::absent,
       {"within", "group_by", "missing", "on_cut", "confidence_cut"},
       {"within", "missing"}},
      {"join",
       Correlate::Kind::join,
       {"rule", "on", "required", "confidence_without"},
       {"rule", "on"}},
  }};
  return kSpecs;
}

}  // namespace

std::optional<Correlate> read_correlate(const YAML::Node& node, const SourcePosition& where,
                                        YamlContext& context) {
  static constexpr std::array<std::string_view, 4> kKinds = {"threshold", "sequence", "absent",
                                                             "join"};
  auto kinds = entries(node, where, kKinds, "correlate", context);
  if (!kinds) return std::nullopt;
  if (kinds->size() != 1) {
    context.report(RuleProblem::wrong_type, context.at(node, where),
                   {"correlate", "exactly one of threshold, sequence, absent, join"});
    return std::nullopt;
  }
  const auto& [kind_key, body] = kinds->front();
  const KindSpec* spec = nullptr;
  for (const KindSpec& s : kind_specs()) {
    if (s.name == kind_key.value) spec = &s;
  }
  auto fields = entries(body, context.at(body, kind_key.at), spec->keys, kind_key.value, context);
  if (!fields) return std::nullopt;
  Correlate out;
  out.kind = spec->kind;
  out.at = kind_key.at;
  bool ok = true;
  for (std::string_view required : spec->required) {
    bool present = false;
    for (const auto& [key, value] : *fields) present = present || key.value == required;
    if (!present) {
      context.report(RuleProblem::missing_key, context.at(body, kind_key.at),
                     {kind_key.value, "'" + std::string(required) + "'"});
      ok = false;
    }
  }
  for (const auto& [key, value] : *fields) {
    const bool read = spec->kind == Correlate::Kind::join
                          ? read_join_entry(key, value, out, context)
                          : read_window_entry(key, value, out, context);
    ok = ok && read;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace logdx::rules
