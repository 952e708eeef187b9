#include "logdx/engine/rule_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <fstream>
#include <sstream>

#include "rules/condition_reader.hpp"
#include "rules/format_reader.hpp"
#include "rules/names.hpp"
#include "rules/rule_entry_reader.hpp"
#include "rules/yaml_guard.hpp"

namespace logdx {
namespace {

using rules::YamlContext;

constexpr std::array<std::string_view, 5> kTopKeys = {"logdx_rules", "lists", "macros", "rules",
                                                      "formats"};

void read_version(const YAML::Node& node, const LocatedString& key, RuleFile& file,
                  YamlContext& context) {
  int version = 0;
  if (!node.IsScalar() || !YAML::convert<int>::decode(node, version) || version != 1) {
    const std::string shown = node.IsScalar() ? node.Scalar() : "not a number";
    context.report(RuleProblem::bad_version, context.at(node, key.at),
                   {fmt::format("is {}", shown)});
    return;
  }
  file.version = version;
}

void read_lists(const YAML::Node& node, const LocatedString& key, RuleFile& file,
                YamlContext& context) {
  if (node.IsNull()) return;  // `lists:` with nothing under it
  if (!context.expect_map(node, key.at, "lists")) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = context.key(it->first, "lists");
    if (!name) continue;
    auto values = context.scalars(it->second, name->at, "list '" + name->value + "'", false);
    if (values) file.lists.push_back({std::move(*name), std::move(*values)});
  }
}

void read_macros(const YAML::Node& node, const LocatedString& key, RuleFile& file,
                 YamlContext& context) {
  if (node.IsNull()) return;
  if (!context.expect_map(node, key.at, "macros")) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    auto name = context.key(it->first, "macros");
    if (!name) continue;
    auto fragment = context.scalar(it->second, name->at, "macro '" + name->value + "'");
    if (fragment) file.macros.push_back({std::move(*name), std::move(*fragment)});
  }
}

void read_rules(const YAML::Node& node, const LocatedString& key, RuleFile& file,
                YamlContext& context) {
  if (node.IsNull()) return;
  if (!context.expect_sequence(node, key.at, "rules")) return;
  for (const YAML::Node& entry : node) {
    if (auto rule = rules::read_rule(entry, context.at(entry, key.at), context)) {
      file.rules.push_back(std::move(*rule));
    }
  }
}

void read_document(const YAML::Node& root, RuleFile& file, YamlContext& context) {
  const SourcePosition start = context.at(YAML::Mark{});
  SourcePosition top = start;
  top.line = 1;
  top.column = 1;
  if (root.IsNull()) {
    context.report(RuleProblem::bad_version, top, {"is absent (the file is empty)"});
    return;
  }
  if (!context.expect_map(root, top, "a rule file")) return;
  bool has_version = false;
  for (auto it = root.begin(); it != root.end(); ++it) {
    auto key = context.key(it->first, "the file");
    if (!key || !context.known_key(*key, kTopKeys, "the file")) continue;
    if (key->value == "logdx_rules") {
      has_version = true;
      read_version(it->second, *key, file, context);
    } else if (key->value == "lists") {
      read_lists(it->second, *key, file, context);
    } else if (key->value == "macros") {
      read_macros(it->second, *key, file, context);
    } else if (key->value == "formats") {
      rules::read_formats(it->second, key->at, file.formats, context);
    } else {
      read_rules(it->second, *key, file, context);
    }
  }
  if (!has_version) context.report(RuleProblem::bad_version, context.at(root, top), {"is absent"});
}

}  // namespace

RuleReadResult RuleReader::read_text(std::string_view text, std::string name) const {
  RuleReadResult result;
  auto source = std::make_shared<SourceText>();
  source->name = std::move(name);
  if (text.size() > options_.max_file_bytes) {
    // Keep no copy of a refused file: the diagnostic has no snippet.
    result.file.source = source;
    result.diagnostics.push_back(make_rule_diagnostic(
        RuleProblem::file_too_large, SourcePosition{source->name, 0, 0, nullptr},
        {std::to_string(text.size()), std::to_string(options_.max_file_bytes)}));
    return result;
  }
  const auto owned = std::make_shared<const std::string>(text);
  source->text = SharedText(owned);
  result.file.source = source;
  YamlContext context(source, result.diagnostics);
  if (!rules::guard_yaml(*owned, context)) return result;
  YAML::Node root;
  try {
    root = YAML::Load(*owned);
  } catch (const YAML::Exception& error) {
    context.report(RuleProblem::yaml_syntax, context.at(error.mark), {error.msg});
    return result;
  }
  read_document(root, result.file, context);
  return result;
}

RuleReadResult RuleReader::read_file(const std::filesystem::path& path) const {
  const std::string name = path.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  auto refuse = [&](RuleProblem code, std::initializer_list<std::string_view> args) {
    RuleReadResult result;
    auto source = std::make_shared<SourceText>();
    source->name = name;
    result.file.source = source;
    result.diagnostics.push_back(
        make_rule_diagnostic(code, SourcePosition{name, 0, 0, nullptr}, args));
    return result;
  };
  if (ec) return refuse(RuleProblem::unreadable_file, {ec.message()});
  // Checked before reading a byte, so a huge file costs nothing.
  if (size > options_.max_file_bytes) {
    return refuse(RuleProblem::file_too_large,
                  {std::to_string(size), std::to_string(options_.max_file_bytes)});
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    if (size == 0 && in) return read_text("", name);
    return refuse(RuleProblem::unreadable_file, {"the file cannot be opened or read"});
  }
  return read_text(text.view(), name);
}

}  // namespace logdx
