#pragma once
// What the reader needs while walking one yaml-cpp document: positions (yaml-cpp marks are
// 0-based, ours 1-based), reporting, and typed accessors that report wrong-type instead of
// throwing. Private to the reader.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "logdx/engine/rule_file.hpp"

namespace logdx::rules {

class YamlContext {
 public:
  YamlContext(std::shared_ptr<const SourceText> source, std::vector<RuleDiagnostic>& out)
      : source_(std::move(source)), out_(out) {}

  SourcePosition at(const YAML::Mark& mark) const;
  // The node's position; `fallback` when yaml-cpp has none (an empty value after `key:`).
  SourcePosition at(const YAML::Node& node, const SourcePosition& fallback = {}) const;
  const std::shared_ptr<const SourceText>& source() const { return source_; }

  void report(RuleProblem code, const SourcePosition& where,
              std::initializer_list<std::string_view> args = {});
  void report_related(RuleProblem code, const SourcePosition& where, const SourcePosition& related,
                      std::initializer_list<std::string_view> args = {});

  // Reports wrong-type unless the node is a mapping / a sequence.
  bool expect_map(const YAML::Node& node, const SourcePosition& where, std::string_view what);
  bool expect_sequence(const YAML::Node& node, const SourcePosition& where, std::string_view what);
  // A scalar's text; wrong-type for maps, sequences and null.
  std::optional<LocatedString> scalar(const YAML::Node& node, const SourcePosition& where,
                                      std::string_view what);
  // `[a, b]`, or a single scalar when `allow_single`.
  std::optional<std::vector<LocatedString>> scalars(const YAML::Node& node,
                                                    const SourcePosition& where,
                                                    std::string_view what, bool allow_single);
  std::optional<Located<double>> number(const YAML::Node& node, const SourcePosition& where,
                                        std::string_view what);
  std::optional<Located<bool>> boolean(const YAML::Node& node, const SourcePosition& where,
                                       std::string_view what);
  std::optional<Located<Duration>> duration(const YAML::Node& node, const SourcePosition& where,
                                            std::string_view what);
  // A mapping of scalar -> scalar (facts, captures, join `on`).
  std::optional<std::vector<std::pair<LocatedString, LocatedString>>> string_map(
      const YAML::Node& node, const SourcePosition& where, std::string_view what);

  // The key of a mapping entry as a located string; reports wrong-type for complex keys.
  std::optional<LocatedString> key(const YAML::Node& key_node, std::string_view where);
  // Reports unknown-key (with did-you-mean over `allowed`); true when the key is known.
  bool known_key(const LocatedString& key, std::span<const std::string_view> allowed,
                 std::string_view where);

 private:
  std::shared_ptr<const SourceText> source_;
  std::vector<RuleDiagnostic>& out_;
};

}  // namespace logdx::rules
