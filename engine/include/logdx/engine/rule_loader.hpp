#pragma once
// The facade over the three stages (reader -> collector -> compiler): paths in load order ->
// a RuleSet, with every problem of every file at once (errors and warnings together). A stage
// still runs when an earlier one found errors in some rules, so one `rules lint` shows all;
// the RuleSet is returned only when there are no errors at all. Diagnostics come sorted by file
// (load order), line and column.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/compiled_rule.hpp"
#include "logdx/engine/rule_compiler.hpp"
#include "logdx/engine/rule_diagnostic.hpp"
#include "logdx/engine/rule_reader.hpp"
#include "logdx/engine/shared_text.hpp"
#include "logdx/parsers/line_format.hpp"

namespace logdx {

struct RuleLoadResult {
  std::optional<RuleSet> rules;
  std::vector<RuleDiagnostic> diagnostics;
  std::vector<std::string> files;  // every file read, in load order
  // The line formats of every file's `formats:` that passed their checks, in load order
  // (docs/rules.md "Formats"); register them with add_line_formats().
  std::vector<LineFormatPtr> formats;
  bool ok() const { return rules.has_value(); }
};

// Inline rule text with a display name, for tests and for embedded packs.
struct RuleText {
  std::string name;
  SharedText text;  // the built-in pack's is its static data, not a copy
  // The reader's output for `text`, encoded at build time (rule_file_codec.hpp), for the
  // built-in pack: when set, the loader decodes it instead of parsing the YAML, and the
  // patterns are compiled on first use (the build checked them). Empty: read `text`.
  std::string_view encoded = {};
};

class RuleLoader {
 public:
  explicit RuleLoader(RuleReaderOptions reader = {}, RuleCompilerOptions compiler = {})
      : reader_(reader), compiler_(compiler) {}

  // Files and folders, in order (built-in pack first); a folder contributes every *.yaml /
  // *.yml directly in it, sorted by name. A missing path is an unreadable-file error.
  RuleLoadResult load(const std::vector<std::filesystem::path>& paths) const;
  RuleLoadResult load_texts(const std::vector<RuleText>& texts) const;
  // Only the `formats:` of the texts (what `parse` and `detect` need): no rule is compiled,
  // and the diagnostics are the formats' own, so a broken rule elsewhere does not stop a parse.
  RuleLoadResult load_formats(const std::vector<RuleText>& texts) const;
  // One text through the reader, or decoded when it carries its build-time form.
  RuleReadResult read(const RuleText& text) const;

 private:
  RuleLoadResult finish(std::vector<RuleReadResult> read) const;

  RuleReader reader_;
  RuleCompiler compiler_;
};

}  // namespace logdx
