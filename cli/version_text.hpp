#pragma once
// `logdx --version`: the program's version, the identity of the rule pack compiled into it,
// and the versions of the formats it speaks, so a bug report or a CI log pins all three.

#include <string>
#include <vector>

#include "logdx/engine/rule_loader.hpp"

namespace logdx::cli {

// The schema `analyze -o json` writes (docs/output.md, "JSON"). 2: ISO-8601 times with their
// kind and the text as written, typed fixes, the read summary and input errors.
inline constexpr const char* kAnalysisSchema = "logdx.analysis/2";

// The pack's digest: XXH3 over each file's name, a NUL and its text, in load order. With no
// user rules it is the `rules_version` an analyze run records in the history.
std::string rule_pack_digest(const std::vector<RuleText>& pack);

// Several lines: "logdx 0.1.0", the rule pack (rules, files, language version, digest), and
// the analysis JSON and history database schema versions.
std::string version_text(const std::string& version, const std::vector<RuleText>& pack,
                         int history_schema);

}  // namespace logdx::cli
