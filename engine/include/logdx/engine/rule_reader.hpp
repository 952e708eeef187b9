#pragma once
// Stage 1 of rule loading: YAML text -> RuleFile (plain structs with positions). Checks what
// one file can show on its own: YAML syntax, keys, types, version, severity, confidence,
// durations, cause names. Resolving ids, lists and macros is for the collector and compiler.
//
// Hostile input: a file over `max_file_bytes` is refused before parsing; YAML aliases (`*name`)
// are refused (yaml-cpp shares aliased nodes, so a walk over a "billion laughs" document is
// exponential) — rule files have no need for them, and anchors alone are harmless. Nesting
// depth is bounded by yaml-cpp itself (DeepRecursion, reported as yaml-syntax).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/rule_diagnostic.hpp"
#include "logdx/engine/rule_file.hpp"

namespace logdx {

struct RuleReaderOptions {
  std::size_t max_file_bytes = std::size_t{8} << 20;
  // false: the built-in pack's rule tests are not decoded (RuleLoader::read; `analyze` never
  // runs them); a rule that has them keeps an empty `tests`. Files read as YAML keep theirs.
  bool pack_tests = true;
};

struct RuleReadResult {
  RuleFile file;  // whatever could be read; rules with errors have `damaged` set
  std::vector<RuleDiagnostic> diagnostics;
  bool ok() const { return !has_errors(diagnostics); }
};

class RuleReader {
 public:
  explicit RuleReader(RuleReaderOptions options = {}) : options_(options) {}
  const RuleReaderOptions& options() const { return options_; }

  // `name` is what diagnostics call the file.
  RuleReadResult read_text(std::string_view text, std::string name) const;
  RuleReadResult read_file(const std::filesystem::path& path) const;

 private:
  RuleReaderOptions options_;
};

}  // namespace logdx
