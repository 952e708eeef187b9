#pragma once
// The built-in rule pack (rules/*.yaml), compiled into the binary at build time by the pack
// generator (engine/tools/rule_pack_generator.cpp), so an installed logdx needs no data files
// and reads no YAML at start-up. Names read "builtin:rules/<file>.yaml"; the order is the
// pack's load order (sorted by file name).

#include <span>
#include <string_view>
#include <vector>

#include "logdx/engine/rule_loader.hpp"

namespace logdx {

struct BuiltinRuleFile {
  std::string_view name;
  std::string_view text;     // as written: snippets, line numbers, the rules' identity
  std::string_view encoded;  // the reader's output (rule_file_codec.hpp)
};

// Generated.
std::span<const BuiltinRuleFile> builtin_rule_files();
// The pack's Hyperscan database as the build compiled it (PatternDatabase::build's `pack`).
std::string_view builtin_prefilter_database();

// The pack as loader input: each file's text with its encoded form.
std::vector<RuleText> builtin_rule_texts();

}  // namespace logdx
