#pragma once
// The compiler's output: rules with macros and lists resolved and every pattern compiled by
// RE2, and a RuleSet that scans a line once (one RE2::Set per scanned field) to learn which
// rules may match, instead of looping over the rules per line.

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logdx/engine/rule_file.hpp"
#include "logdx/engine/rule_regex.hpp"

namespace logdx {

// A compiled regex of a rule, with where it came from.
struct CompiledPattern {
  enum class Role : std::uint8_t { match, step, missing, field_value };
  std::shared_ptr<const RuleRegex> re;  // compiled on first use (rule_regex.hpp)
  std::string written;                  // as in the file
  // After {{macro}} / {{list:NAME}}; one copy shared with `re` and the RE2::Set scans, which
  // each held their own (macro expansions are long, and the pack is compiled at every start).
  SharedText expanded;
  std::string field;  // searched field: "" = message, "raw", "unit", "fields.KEY", ...
  SourcePosition at;
  Role role = Role::match;
  int step = -1;         // Role::step: which sequence step
  bool positive = true;  // not under `not`
};

struct CompiledCondition {
  Condition::Kind kind = Condition::Kind::regex;
  std::string field;                    // regex / field_value
  std::shared_ptr<const RuleRegex> re;  // regex, or field_value {regex: ...}
  int pattern = -1;                     // index into CompiledRule::patterns
  std::vector<CompiledCondition> children;
  std::vector<SourceKind> sources;
  std::vector<std::string> values;  // field_value: values, or the in_list list's values
  std::string capture;              // pid_capture
  Level at_least = Level::unknown;
};

struct CompiledCorrelate {
  Correlate::Kind kind = Correlate::Kind::threshold;
  Duration within{0};
  std::vector<std::string> group_by;
  int count = 0;
  std::vector<CompiledCondition> steps;
  std::optional<CompiledCondition> missing;
  std::string rule;                                     // join
  std::vector<std::pair<std::string, std::string>> on;  // join: mine -> its
  bool required = true;
  std::optional<double> confidence_without;
  bool report_cut = true;                // sequence / absent: `on_cut: report`
  std::optional<double> confidence_cut;  // default: half the rule's confidence
};

struct CompiledFix {
  FixKind kind = FixKind::shell;
  std::string text;  // template: {name} placeholders
  std::string file;  // config edits: where the text goes (a template too); else empty
  std::string why;
  std::string when;    // shown only when this capture or fact has a value (empty: always)
  std::string unless;  // shown only when this capture or fact has none (empty: always)
};

struct CompiledRule {
  std::string id;
  std::string title;  // template
  std::string cause;
  Severity severity = Severity::error;  // when the rule does not say
  double confidence = 0.8;
  bool report = true;  // false: a context rule (`report: false`), never a diagnosis itself
  std::vector<SourceKind> sources;  // empty: every source
  std::vector<std::string> tags;
  CompiledCondition match;
  std::vector<std::string> key;
  std::vector<std::pair<std::string, std::string>> facts;  // name -> template
  HeapOptional<CompiledCorrelate> correlate;               // not inline: most rules have none
  std::vector<std::string> explains;
  std::vector<std::string> subsumed_by;  // rule ids (RuleDef::subsumed_by)
  std::vector<CompiledFix> fixes;
  RuleTests tests;  // kept with positions for the tester
  std::vector<CompiledPattern> patterns;
  std::vector<std::string> capture_names;  // named groups of match and sequence steps, sorted
  SourcePosition origin;                   // the rule's entry in the file that defined it

  bool applies_to(SourceKind kind) const;
};

// Which pattern of which rule an RE2::Set index stands for.
struct PatternRef {
  std::size_t rule = 0;     // index into RuleSet::rules()
  std::size_t pattern = 0;  // index into CompiledRule::patterns
};

// One RE2::Set over the positive patterns that search one field ("" = message, or "raw").
// Built on first scan (thread-safe): with the prefilter on, most runs never need it.
class PatternScan {
 public:
  PatternScan(std::vector<SharedText> patterns, std::vector<PatternRef> refs, std::int64_t max_mem);
  ~PatternScan();
  PatternScan(PatternScan&&) noexcept;
  PatternScan& operator=(PatternScan&&) noexcept;

  bool empty() const { return refs_.empty(); }
  const std::vector<PatternRef>& refs() const { return refs_; }
  // Builds the set now; the error when RE2 refuses it (a pattern, or the memory budget),
  // else empty. The compiler calls it for rule sets with a user's pattern, to report at load.
  std::string prepare() const;
  // The patterns that occur in `text` (one pass over it).
  std::vector<PatternRef> scan(std::string_view text) const;

 private:
  struct Lazy;
  const RE2::Set& set() const;

  std::vector<PatternRef> refs_;
  std::unique_ptr<Lazy> lazy_;
};

// The enabled rules, compiled. Disabled rules are not in it (the collection still has them).
class RuleSet {
 public:
  RuleSet(std::vector<CompiledRule> rules, PatternScan message_scan, PatternScan raw_scan)
      : rules_(std::move(rules)),
        message_scan_(std::move(message_scan)),
        raw_scan_(std::move(raw_scan)) {}

  const std::vector<CompiledRule>& rules() const { return rules_; }
  const CompiledRule* find(std::string_view id) const;
  const PatternScan& message_scan() const { return message_scan_; }
  const PatternScan& raw_scan() const { return raw_scan_; }
  // Indexes of the rules whose patterns hit the event's message or raw text, sorted
  // and unique: only these can match it (the compiler guarantees every rule needs a hit).
  std::vector<std::size_t> candidates(const Event& event) const;

 private:
  std::vector<CompiledRule> rules_;
  PatternScan message_scan_;
  PatternScan raw_scan_;
};

}  // namespace logdx
