#include "rules/format_reader.hpp"

#include <fmt/format.h>

#include <array>

#include "rules/names.hpp"

namespace logdx::rules {
namespace {

constexpr std::array<std::string_view, 7> kFormatKeys = {
    "id", "regex", "unless", "time_format", "source", "description", "samples"};

bool read_source(const YAML::Node& value, const LocatedString& key, FormatDef& format,
                 YamlContext& context) {
  auto name = context.scalar(value, key.at, "source");
  if (!name) return false;
  auto kind = source_kind_from_string(name->value);
  if (!kind) {
    context.report(RuleProblem::wrong_type, name->at,
                   {fmt::format("source kind '{}'", name->value),
                    "one of gateway, pm2, systemd, kernel, docker, proxy, app, other"});
    return false;
  }
  format.source = Located<SourceKind>{*kind, name->at};
  return true;
}

bool read_entry(const LocatedString& key, const YAML::Node& value, FormatDef& format,
                YamlContext& context) {
  const std::string& k = key.value;
  if (k == "id" || k == "regex" || k == "unless" || k == "time_format" || k == "description") {
    auto text = context.scalar(value, key.at, k);
    if (!text) return false;
    if (k == "id") format.id = std::move(*text);
    if (k == "regex") format.regex = std::move(*text);
    if (k == "unless") format.unless = std::move(*text);
    if (k == "time_format") format.time_format = std::move(*text);
    if (k == "description") format.description = std::move(*text);
    return true;
  }
  if (k == "source") return read_source(value, key, format, context);
  auto samples = context.scalars(value, key.at, "samples", false);
  if (!samples) return false;
  format.samples = std::move(*samples);
  return true;
}

std::optional<FormatDef> read_format(const YAML::Node& node, const SourcePosition& where,
                                     YamlContext& context) {
  if (!context.expect_map(node, where, "a format")) return std::nullopt;
  FormatDef format;
  format.at = context.at(node, where);
  bool has_samples = false;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto key = context.key(it->first, "a format");
    if (!key || !context.known_key(*key, kFormatKeys, "a format")) {
      format.damaged = true;
      continue;
    }
    has_samples = has_samples || key->value == "samples";
    if (!read_entry(*key, it->second, format, context)) format.damaged = true;
  }
  if (format.id.at.line == 0) {
    context.report(RuleProblem::missing_key, format.at, {"a format", "'id'"});
    return std::nullopt;
  }
  if (!is_kebab_case(format.id.value)) {
    context.report(RuleProblem::wrong_type, format.id.at,
                   {fmt::format("format id '{}'", format.id.value), "kebab-case (a-z, 0-9, '-')"});
    format.damaged = true;
  }
  if (format.regex.at.line == 0) {
    context.report(RuleProblem::missing_key, format.at,
                   {fmt::format("format '{}'", format.id.value), "'regex'"});
    format.damaged = true;
  }
  // Samples are what keeps a format honest (lnav checks its formats' samples the same way).
  if (!has_samples || format.samples.empty()) {
    context.report(RuleProblem::missing_key, format.at,
                   {fmt::format("format '{}'", format.id.value), "'samples'"});
    format.damaged = true;
  }
  return format;
}

}  // namespace

void read_formats(const YAML::Node& node, const SourcePosition& where, std::vector<FormatDef>& out,
                  YamlContext& context) {
  if (node.IsNull()) return;
  if (!context.expect_sequence(node, where, "formats")) return;
  for (const YAML::Node& entry : node) {
    if (auto format = read_format(entry, context.at(entry, where), context)) {
      out.push_back(std::move(*format));
    }
  }
}

}  // namespace logdx::rules
