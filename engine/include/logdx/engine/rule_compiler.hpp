#pragma once
// Stage 3 of rule loading: a RuleCollection -> a RuleSet. Expands {{macro}} / {{list:NAME}},
// compiles every pattern with RE2, checks placeholders, `explains` names and that every rule
// can be found by the scan, and builds the RE2::Set scans over all enabled rules.
//
// RE2 runs in Latin-1 mode: every byte is one character, so a log line with invalid UTF-8
// still matches byte for byte (in UTF-8 mode RE2 cannot match `.` across an invalid byte).
// UTF-8 literals in patterns still match their bytes; what is lost is `.` / `\w` / classes
// over non-ASCII characters (`.` matches one byte of a multi-byte character, `[é]` is a class
// of two bytes). Logs are overwhelmingly ASCII where rules look, so robustness wins.

#include <cstdint>
#include <optional>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/rule_collector.hpp"
#include "logdx/engine/rule_diagnostic.hpp"

namespace logdx {

struct RuleCompilerOptions {
  // RE2's budget per pattern (RE2's own default); a pattern over it is reported as bad-regex.
  std::int64_t pattern_max_mem = std::int64_t{8} << 20;
  // Budget of each RE2::Set; it holds every scanned pattern of every rule at once.
  std::int64_t set_max_mem = std::int64_t{256} << 20;
};

struct RuleCompileResult {
  std::optional<RuleSet> rules;  // only when there are no errors
  std::vector<RuleDiagnostic> diagnostics;
};

class RuleCompiler {
 public:
  explicit RuleCompiler(RuleCompilerOptions options = {}) : options_(options) {}
  // Disabled and damaged rules are not compiled (a disabled rule cannot fail the load).
  // By value: each rule's `tests:` (many sample lines, each with its position) are moved into
  // the compiled rule, not copied; copying them was a twentieth of a one-line run.
  RuleCompileResult compile(RuleCollection collection) const;

 private:
  RuleCompilerOptions options_;
};

// The RE2 options every rule pattern is compiled with (see above).
RE2::Options rule_regex_options(std::int64_t max_mem);

}  // namespace logdx
