#pragma once
// Problems found while loading rules, as data (the Falco model): a code with a short name, a
// severity, a message from one table, and where: file:line:column plus the offending source
// line and a caret under the bad spot. Loading never stops at the first problem.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/shared_text.hpp"

namespace logdx {

// The codes of docs/rules.md ("Problems the loader reports"), plus unreadable-file and
// file-too-large, which the language table does not list because they are not about content.
enum class RuleProblem : std::uint8_t {
  yaml_syntax,
  unknown_key,
  wrong_type,
  missing_key,
  bad_version,
  bad_regex,
  unknown_macro,
  unknown_list,
  undefined_placeholder,
  duplicate_id,
  override_unknown,
  bad_cause,
  bad_severity,
  bad_confidence,
  bad_duration,
  catch_all_pattern,
  leading_dot_star,
  rule_test_failed,
  unreadable_file,
  file_too_large,
  // `formats:` (docs/rules.md "Formats")
  unknown_group,
  bad_format,
  sample_mismatch,
  // placeholders
  unknown_filter,
  multibyte_in_class,
  optional_placeholder,
};

enum class DiagnosticSeverity : std::uint8_t { error, warning };

// The short name of a code: "bad-regex", "unknown-key", ...
std::string_view to_string(RuleProblem code);
std::string_view to_string(DiagnosticSeverity severity);
// Every code has one severity (warnings: catch-all-pattern, leading-dot-star).
DiagnosticSeverity severity_of(RuleProblem code);

// The text of one rule file, shared by every position in it so that any later stage
// (collector, compiler, tester) can quote the offending line without re-reading the file.
struct SourceText {
  // As the user gave it (path) or a label for inline text. Shared, not copied, by every
  // position in the file: the built-in pack has thousands of positions, and a heap copy of
  // "builtin:rules/<file>.yaml" in each was thousands of allocations at every start.
  SharedText name;
  SharedText text;  // the pack's text is not copied (shared_text.hpp)
  // The build compiled every pattern of this text with RE2 and found no problem (the built-in
  // pack, decoded from its build-time form): the compiler leaves these patterns to be compiled
  // on first use (rule_regex.hpp) instead of at every start.
  bool checked_at_build = false;
  // The 1-based line `line` without its newline; empty when out of range.
  std::string_view line(int line) const;
};

// 1-based line and column; 0 when unknown (e.g. a problem about a whole file set).
struct SourcePosition {
  SharedText file;  // the SourceText's name when it has one (shared_text.hpp)
  int line = 0;
  int column = 0;
  std::shared_ptr<const SourceText> source;  // may be null (no snippet then)
};

struct RuleDiagnostic {
  RuleProblem code{};
  DiagnosticSeverity severity = DiagnosticSeverity::error;
  std::string message;
  SourcePosition where;
  std::string source_line;                // the offending line as written, "" when unknown
  std::string snippet;                    // "  <line>\n  <spaces>^", "" when unknown
  std::optional<SourcePosition> related;  // the other place, e.g. a first definition

  bool is_error() const { return severity == DiagnosticSeverity::error; }
  // "file:line:col: error[bad-regex]: message\n  <line>\n  <spaces>^" (+ a note line for
  // `related`).
  std::string render_text() const;
  // One JSON object: {"code","severity","message","file","line","column","source_line",
  // "related"?}. Always valid UTF-8: invalid bytes of the source become U+FFFD.
  std::string render_json() const;
};

// Builds a diagnostic whose message is the code's table template with `args` substituted for
// its `{}` holes in order. This is the only way messages are made, so they live in one table.
RuleDiagnostic make_rule_diagnostic(RuleProblem code, const SourcePosition& where,
                                    std::initializer_list<std::string_view> args = {});

// "file:line:col" (or "file" when the position has no line).
std::string format_position(const SourcePosition& where);

bool has_errors(const std::vector<RuleDiagnostic>& diagnostics);

}  // namespace logdx
