#pragma once
// The reader's output: a rule file as plain structs, nothing resolved or compiled yet. Every
// value that a later stage can find wrong keeps the SourcePosition it was written at.
// Optional members distinguish "not written" from a default, which `override: true` needs.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "logdx/engine/fix_kind.hpp"
#include "logdx/engine/heap_optional.hpp"
#include "logdx/engine/rule_diagnostic.hpp"
#include "logdx/engine/severity.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx {

template <typename T>
struct Located {
  T value{};
  SourcePosition at;
};

using LocatedString = Located<std::string>;
using Duration = std::chrono::milliseconds;

// One node of a `match:` tree (docs/rules.md "Matching"). A mapping with several condition
// keys (e.g. `regex` and `source`) is read as an `all` of them.
struct Condition {
  enum class Kind : std::uint8_t {
    regex,        // pattern searched in `field` ("" = message)
    any,          // children
    all,          // children
    negate,       // children[0]  (`not:`)
    source,       // sources
    field_value,  // field (unit/app/process/subsystem/host) against values | in_list | pattern
    pid_capture,  // the event's pid equals capture `capture`
    level,        // level at least `at_least`
  };
  Kind kind = Kind::regex;
  SourcePosition at;
  std::string field;                // regex / field_value: which event field
  LocatedString pattern;            // regex, or field_value {regex: ...}
  std::vector<Condition> children;  // any / all / negate
  std::vector<Located<SourceKind>> sources;
  std::vector<LocatedString> values;    // field_value: VALUE or [VALUES]
  HeapOptional<LocatedString> in_list;  // rare: not inline in every condition
  HeapOptional<LocatedString> capture;  // pid_capture
  Level at_least = Level::unknown;
};

struct Correlate {
  enum class Kind : std::uint8_t { threshold, sequence, absent, join };
  Kind kind = Kind::threshold;
  SourcePosition at;
  Located<Duration> within;             // threshold / sequence / absent
  std::vector<LocatedString> group_by;  // threshold / sequence
  int count = 0;                        // threshold
  std::vector<Condition> steps;         // sequence: `steps: [{match: ...}, ...]`
  std::optional<Condition> missing;     // absent
  LocatedString rule;                   // join: the other rule's id
  std::vector<std::pair<LocatedString, LocatedString>> on;  // join: my capture -> its capture
  bool required = true;                                     // join
  std::optional<Located<double>> confidence_without;        // join
  // sequence / absent: a window the end of its input cut short is reported (the default) or
  // ignored; reported with confidence_cut (default: half the rule's confidence).
  std::optional<Located<bool>> report_cut;  // `on_cut: report | ignore`
  std::optional<Located<double>> confidence_cut;
};

// One entry of `fixes:`. Its kind is the key its text is written under: `command` (shell, the
// default of older files), `edit` with `in` (config), or `step` (manual).
struct Fix {
  SourcePosition at;  // the entry's mapping
  FixKind kind = FixKind::shell;
  LocatedString text;                // command / edit / step, a template
  HeapOptional<LocatedString> file;  // config: `in`, the file (or place) to put the edit in
  LocatedString why;
  // `when: NAME` shows the fix only when the capture (or fact) NAME has a value in the case,
  // `unless: NAME` only when it has none: one rule's finding about the gateway and about any
  // other app gets the fixes that fit each (`openclaw gateway restart` only for openclaw).
  HeapOptional<LocatedString> when;
  HeapOptional<LocatedString> unless;
};

struct MatchTest {
  LocatedString line;
  std::vector<std::pair<LocatedString, LocatedString>> captures;
  // Where this wording comes from: the tool and version that prints it, and how it was seen
  // ("node 12.22.12, captured", "systemd v219 src/core/unit.c"). Not checked by `rules test`;
  // tests/rules counts the distinct sources per cause.
  std::optional<LocatedString> source;
};

struct RuleTests {
  std::vector<MatchTest> match;
  std::vector<LocatedString> no_match;
};

// One entry of `rules:` exactly as written.
struct RuleDef {
  SourcePosition at;  // the rule's mapping
  LocatedString id;
  std::optional<LocatedString> title;
  std::optional<LocatedString> cause;
  std::optional<Located<Severity>> severity;
  std::optional<Located<double>> confidence;
  std::optional<std::vector<Located<SourceKind>>> sources;
  std::optional<std::vector<LocatedString>> tags;
  HeapOptional<Condition> match;  // behind a pointer, as correlate (heap_optional.hpp)
  std::optional<std::vector<LocatedString>> key;
  std::optional<std::vector<std::pair<LocatedString, LocatedString>>> facts;
  HeapOptional<Correlate> correlate;
  std::optional<std::vector<LocatedString>> explains;
  // Rule ids whose finding says what this rule's says with more evidence (a loop of three
  // exits over a pair of quick ones): a finding of this rule whose lines one of theirs holds
  // is dropped without the "also matched" note (docs/rules.md "subsumed_by").
  std::optional<std::vector<LocatedString>> subsumed_by;
  std::optional<std::vector<Fix>> fixes;
  std::optional<RuleTests> tests;
  bool override_ = false;
  std::optional<Located<bool>> enabled;
  // `report: false`: a context rule; its lines are kept for other diagnoses (a loop's last
  // words) and it is never a diagnosis of its own.
  std::optional<Located<bool>> report;
  bool damaged = false;  // the reader reported an error inside it; later stages skip it

  // Only `id` (+ `override`/`enabled`): a stub that changes another file's rule.
  bool is_stub() const;
};

struct ListDef {
  LocatedString name;
  std::vector<LocatedString> values;
};

struct MacroDef {
  LocatedString name;
  LocatedString fragment;
};

// One entry of `formats:` (docs/rules.md "Formats"): a line format declared as data, checked
// and compiled by the loader (format_checks.hpp) into a parsers' LineFormat.
struct FormatDef {
  SourcePosition at;  // the entry's mapping
  LocatedString id;
  LocatedString regex;
  std::optional<LocatedString> unless;
  std::optional<LocatedString> time_format;
  std::optional<Located<SourceKind>> source;
  std::optional<LocatedString> description;
  std::vector<LocatedString> samples;
  bool damaged = false;  // the reader reported an error inside it
};

struct RuleFile {
  std::shared_ptr<const SourceText> source;
  int version = 0;
  std::vector<ListDef> lists;
  std::vector<MacroDef> macros;
  std::vector<RuleDef> rules;
  std::vector<FormatDef> formats;
};

}  // namespace logdx
