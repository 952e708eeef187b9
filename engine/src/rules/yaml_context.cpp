#include "rules/yaml_context.hpp"

#include <algorithm>

#include "rules/names.hpp"

namespace logdx::rules {

SourcePosition YamlContext::at(const YAML::Mark& mark) const {
  SourcePosition out;
  out.file = source_->name;
  out.source = source_;
  if (mark.line >= 0) {
    out.line = mark.line + 1;
    out.column = mark.column + 1;
  }
  return out;
}

SourcePosition YamlContext::at(const YAML::Node& node, const SourcePosition& fallback) const {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0 && fallback.line > 0) return fallback;
  return at(mark);
}

void YamlContext::report(RuleProblem code, const SourcePosition& where,
                         std::initializer_list<std::string_view> args) {
  out_.push_back(make_rule_diagnostic(code, where, args));
}

void YamlContext::report_related(RuleProblem code, const SourcePosition& where,
                                 const SourcePosition& related,
                                 std::initializer_list<std::string_view> args) {
  out_.push_back(make_rule_diagnostic(code, where, args));
  out_.back().related = related;
}

bool YamlContext::expect_map(const YAML::Node& node, const SourcePosition& where,
                             std::string_view what) {
  if (node.IsMap()) return true;
  report(RuleProblem::wrong_type, at(node, where), {what, "a mapping (key: value)"});
  return false;
}

bool YamlContext::expect_sequence(const YAML::Node& node, const SourcePosition& where,
                                  std::string_view what) {
  if (node.IsSequence()) return true;
  report(RuleProblem::wrong_type, at(node, where), {what, "a list ([a, b] or - items)"});
  return false;
}

std::optional<LocatedString> YamlContext::scalar(const YAML::Node& node,
                                                 const SourcePosition& where,
                                                 std::string_view what) {
  if (!node.IsScalar()) {
    report(RuleProblem::wrong_type, at(node, where), {what, "a single value (text or number)"});
    return std::nullopt;
  }
  return LocatedString{node.Scalar(), at(node, where)};
}

std::optional<std::vector<LocatedString>> YamlContext::scalars(const YAML::Node& node,
                                                               const SourcePosition& where,
                                                               std::string_view what,
                                                               bool allow_single) {
  std::vector<LocatedString> out;
  if (allow_single && node.IsScalar()) {
    out.push_back({node.Scalar(), at(node, where)});
    return out;
  }
  if (!node.IsSequence()) {
    report(RuleProblem::wrong_type, at(node, where),
           {what, allow_single ? "a value or a list of values" : "a list of values"});
    return std::nullopt;
  }
  bool ok = true;
  for (const YAML::Node& item : node) {
    if (auto value = scalar(item, at(node, where), what)) {
      out.push_back(std::move(*value));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Located<double>> YamlContext::number(const YAML::Node& node,
                                                   const SourcePosition& where,
                                                   std::string_view what) {
  double value = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
    report(RuleProblem::wrong_type, at(node, where), {what, "a number"});
    return std::nullopt;
  }
  return Located<double>{value, at(node, where)};
}

std::optional<Located<bool>> YamlContext::boolean(const YAML::Node& node,
                                                  const SourcePosition& where,
                                                  std::string_view what) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    report(RuleProblem::wrong_type, at(node, where), {what, "true or false"});
    return std::nullopt;
  }
  return Located<bool>{value, at(node, where)};
}

std::optional<Located<Duration>> YamlContext::duration(const YAML::Node& node,
                                                       const SourcePosition& where,
                                                       std::string_view what) {
  auto text = scalar(node, where, what);
  if (!text) return std::nullopt;
  auto value = parse_duration(text->value);
  if (!value) {
    report(RuleProblem::bad_duration, text->at, {text->value});
    return std::nullopt;
  }
  return Located<Duration>{*value, text->at};
}

std::optional<std::vector<std::pair<LocatedString, LocatedString>>> YamlContext::string_map(
    const YAML::Node& node, const SourcePosition& where, std::string_view what) {
  if (!expect_map(node, where, what)) return std::nullopt;
  std::vector<std::pair<LocatedString, LocatedString>> out;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = key(it->first, what);
    auto value = name ? scalar(it->second, name->at, what) : std::nullopt;
    if (!name || !value) {
      ok = false;
      continue;
    }
    out.emplace_back(std::move(*name), std::move(*value));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<LocatedString> YamlContext::key(const YAML::Node& key_node, std::string_view where) {
  if (!key_node.IsScalar()) {
    report(RuleProblem::wrong_type, at(key_node), {"a key in " + std::string(where), "text"});
    return std::nullopt;
  }
  return LocatedString{key_node.Scalar(), at(key_node)};
}

bool YamlContext::known_key(const LocatedString& key, std::span<const std::string_view> allowed,
                            std::string_view where) {
  if (std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) return true;
  report(RuleProblem::unknown_key, key.at, {key.value, where, did_you_mean(key.value, allowed)});
  return false;
}

}  // namespace logdx::rules
