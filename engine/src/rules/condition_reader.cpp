#include "rules/condition_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "rules/names.hpp"

namespace logdx::rules {
namespace {

constexpr std::array<std::string_view, 13> kConditionKeys = {
    "regex", "field",   "any",       "all",  "not", "source", "unit",
    "app",   "process", "subsystem", "host", "pid", "level"};
constexpr std::array<std::string_view, 7> kEventFields = {"message", "raw",     "host",     "unit",
                                                          "app",     "process", "subsystem"};
constexpr std::array<std::string_view, 8> kSourceKinds = {"gateway", "pm2",   "systemd", "kernel",
                                                          "docker",  "proxy", "app",     "other"};

Condition make(Condition::Kind kind, const SourcePosition& at) {
  Condition out;
  out.kind = kind;
  out.at = at;
  return out;
}

bool is_event_field(std::string_view name) {
  if (name.starts_with("fields.") && name.size() > 7) return true;
  for (std::string_view f : kEventFields) {
    if (f == name) return true;
  }
  return false;
}

std::optional<Condition> read_list_of(Condition::Kind kind, const YAML::Node& node,
                                      const SourcePosition& where, YamlContext& context) {
  if (!node.IsSequence() || node.size() == 0) {
    context.report(
        RuleProblem::wrong_type, context.at(node, where),
        {kind == Condition::Kind::any ? "any" : "all", "a non-empty list of conditions"});
    return std::nullopt;
  }
  Condition out = make(kind, where);
  bool ok = true;
  for (const YAML::Node& item : node) {
    if (auto child = read_condition(item, context.at(item, where), context)) {
      out.children.push_back(std::move(*child));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Condition> read_sources(const YAML::Node& node, const SourcePosition& where,
                                      YamlContext& context) {
  auto names = context.scalars(node, where, "source", true);
  if (!names) return std::nullopt;
  Condition out = make(Condition::Kind::source, where);
  for (const LocatedString& name : *names) {
    auto kind = source_kind_from_string(name.value);
    if (!kind) {
      context.report(RuleProblem::wrong_type, name.at,
                     {fmt::format("source kind '{}'", name.value),
                      "one of gateway, pm2, systemd, kernel, docker, proxy, app, other" +
                          did_you_mean(name.value, kSourceKinds)});
      return std::nullopt;
    }
    out.sources.push_back({*kind, name.at});
  }
  return out;
}

// unit/app/process/subsystem/host: VALUE, [VALUES], {in_list: NAME} or {regex: PATTERN}.
std::optional<Condition> read_field_value(const std::string& field, const YAML::Node& node,
                                          const SourcePosition& where, YamlContext& context) {
  Condition out = make(Condition::Kind::field_value, where);
  out.field = field;
  if (!node.IsMap()) {
    auto values = context.scalars(node, where, field, true);
    if (!values) return std::nullopt;
    out.values = std::move(*values);
    return out;
  }
  static constexpr std::array<std::string_view, 2> kKeys = {"in_list", "regex"};
  if (node.size() != 1) {
    context.report(RuleProblem::wrong_type, context.at(node, where),
                   {field, "a value, a list, {in_list: NAME} or {regex: PATTERN}"});
    return std::nullopt;
  }
  auto it = node.begin();
  auto key = context.key(it->first, field);
  if (!key || !context.known_key(*key, kKeys, field)) return std::nullopt;
  auto value = context.scalar(it->second, key->at, key->value);
  if (!value) return std::nullopt;
  if (key->value == "in_list") {
    out.in_list = std::move(*value);
  } else {
    out.pattern = std::move(*value);
  }
  return out;
}

std::optional<Condition> read_single_key_map(Condition::Kind kind, std::string_view key_name,
                                             const YAML::Node& node, const SourcePosition& where,
                                             YamlContext& context) {
  const std::array<std::string_view, 1> keys = {key_name};
  const std::string what(kind == Condition::Kind::pid_capture ? "pid" : "level");
  if (!node.IsMap() || node.size() != 1) {
    context.report(RuleProblem::wrong_type, context.at(node, where),
                   {what, fmt::format("{{{}: ...}}", key_name)});
    return std::nullopt;
  }
  auto it = node.begin();
  auto key = context.key(it->first, what);
  if (!key || !context.known_key(*key, keys, what)) return std::nullopt;
  auto value = context.scalar(it->second, key->at, key->value);
  if (!value) return std::nullopt;
  Condition out = make(kind, where);
  if (kind == Condition::Kind::pid_capture) {
    out.capture = std::move(*value);
    return out;
  }
  out.at_least = level_from_string(value->value);
  if (out.at_least == Level::unknown) {
    context.report(RuleProblem::wrong_type, value->at,
                   {"level", "a level name (debug, info, notice, warning, error, critical, ...)"});
    return std::nullopt;
  }
  return out;
}

std::optional<Condition> read_part(const LocatedString& key, const YAML::Node& value,
                                   YamlContext& context) {
  const SourcePosition where = context.at(value, key.at);
  if (key.value == "regex") {
    auto pattern = context.scalar(value, key.at, "regex");
    if (!pattern) return std::nullopt;
    Condition out = make(Condition::Kind::regex, key.at);
    out.pattern = std::move(*pattern);
    return out;
  }
  if (key.value == "any") return read_list_of(Condition::Kind::any, value, key.at, context);
  if (key.value == "all") return read_list_of(Condition::Kind::all, value, key.at, context);
  if (key.value == "not") {
    auto child = read_condition(value, where, context);
    if (!child) return std::nullopt;
    Condition out = make(Condition::Kind::negate, key.at);
    out.children.push_back(std::move(*child));
    return out;
  }
  if (key.value == "source") return read_sources(value, where, context);
  if (key.value == "pid") {
    return read_single_key_map(Condition::Kind::pid_capture, "equals_capture", value, where,
                               context);
  }
  if (key.value == "level") {
    return read_single_key_map(Condition::Kind::level, "at_least", value, where, context);
  }
  auto out = read_field_value(key.value, value, where, context);
  if (out) out->at = key.at;
  return out;
}

}  // namespace

std::optional<Condition> read_condition(const YAML::Node& node, const SourcePosition& where,
                                        YamlContext& context) {
  if (!context.expect_map(node, where, "a condition")) return std::nullopt;
  std::vector<Condition> parts;
  std::optional<LocatedString> field;
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto key = context.key(it->first, "a condition");
    if (!key || !context.known_key(*key, kConditionKeys, "a condition")) {
      ok = false;
      continue;
    }
    if (key->value == "field") {
      field = context.scalar(it->second, key->at, "field");
      if (!field) ok = false;
      continue;
    }
    auto part = read_part(*key, it->second, context);
    if (part) {
      parts.push_back(std::move(*part));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (field) {
    auto regex = std::find_if(parts.begin(), parts.end(),
                              [](const Condition& c) { return c.kind == Condition::Kind::regex; });
    if (regex == parts.end()) {
      context.report(RuleProblem::missing_key, field->at, {"a condition with 'field'", "'regex'"});
      return std::nullopt;
    }
    if (!is_event_field(field->value)) {
      context.report(RuleProblem::wrong_type, field->at,
                     {fmt::format("field '{}'", field->value),
                      "message, raw, host, unit, app, process, subsystem or fields.KEY" +
                          did_you_mean(field->value, kEventFields)});
      return std::nullopt;
    }
    regex->field = field->value == "message" ? "" : field->value;
  }
  if (parts.empty()) {
    context.report(RuleProblem::missing_key, context.at(node, where),
                   {"a condition", "test (regex, any, all, not, source, ...)"});
    return std::nullopt;
  }
  if (parts.size() == 1) return std::move(parts.front());
  Condition all = make(Condition::Kind::all, context.at(node, where));
  all.children = std::move(parts);
  return all;
}

}  // namespace logdx::rules
