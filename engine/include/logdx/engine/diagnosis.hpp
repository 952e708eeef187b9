#pragma once
// What the engine concludes: a diagnosis per (rule, fingerprint) with its proof and its fixes,
// root causes with the symptoms they explain folded under them. Value types: they own their
// strings and outlive the events they came from.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "logdx/engine/fix_kind.hpp"
#include "logdx/engine/severity.hpp"
#include "logdx/parsers/timestamp.hpp"

namespace logdx {

// A line that proves a diagnosis, as written in the input (secrets redaction comes later).
struct Evidence {
  std::string input;
  std::uint64_t line = 0;
  Timestamp time;
  std::string time_text;
  std::string text;  // the event's raw line(s)
  // Which line of `text` (0-based) the rule matched: a multi-line record (a kernel OOM report)
  // is shown by that line, not by its first.
  std::size_t focus_line = 0;
  // Where the message starts in that line, after its envelopes (time, host, unit, pid): a
  // printer short of room shortens the envelope, never the message. npos: not known.
  std::size_t message_at = std::string::npos;
  // The event's host as written (journal `_HOSTNAME`, a syslog line's host, a shipper's
  // `host.name`); empty when the line names none.
  std::string host;

  // The input line the rule matched, which a reader opens: the record's lines are its input's
  // lines in a row (continuations and joined lines keep their raw line each).
  std::uint64_t matched_line() const { return line + focus_line; }
};

// A fix rendered for this case, valid as printed for its kind (fix_kind.hpp): a shell
// command's values are shell-quoted so a capture can never be more than one argument; a config
// edit's are inserted as written. logdx never runs or applies one.
struct RenderedFix {
  FixKind kind = FixKind::shell;
  std::string text;  // the command, the exact text of the edit, or the step
  std::string file;  // config: the file (or place) the edit goes in
  std::string why;
  // The same fix (kind, file, text) is shown once, under the best-ranked diagnosis that has it;
  // every other diagnosis with it names that one here (its fingerprint and rule). Empty: shown
  // under this diagnosis.
  std::string shown_under;
  std::string shown_under_rule;

  bool same_fix_as(const RenderedFix& other) const {
    return kind == other.kind && file == other.file && text == other.text;
  }
};

// What earlier analyses knew of an incident (from the history database): filled in by the
// caller after storing the run, absent when no history was used.
struct PriorRuns {
  std::uint64_t count = 0;  // earlier runs that saw this fingerprint
  std::string first_at;     // RFC 3339 UTC of the first such run; empty when count is 0
  std::string last_at;
  // Of those runs, how many read the very logs this run read (the same input set): the
  // same log read again, not the failure happening again.
  std::uint64_t same_inputs = 0;
};

// A finding that may be linked to this one: one's rule explains the other's cause and nothing
// in their lines contradicts a link, but a time or a subject is missing on one side, so
// neither is folded under the other (docs/ranking.md, "Links").
struct RelatedFinding {
  std::string rule;
  std::string cause;
  std::string fingerprint;
};

struct Diagnosis {
  int rank = 0;  // 1 = the most likely root cause; folded symptoms keep 0
  std::string cause;
  std::string rule;
  Severity severity = Severity::error;
  double confidence = 0.0;
  std::string title;                                       // the rule's template, filled in
  std::vector<std::pair<std::string, std::string>> facts;  // in the rule's order
  std::uint64_t count = 0;                                 // matching events (or loop rounds)
  Timestamp first_seen;
  Timestamp last_seen;
  std::string first_seen_text;  // as written, for times that are not absolute
  std::string last_seen_text;
  // Collapsed: the first and last few, never silently dropped (evidence_omitted says how many
  // more there were, "N more like this").
  std::vector<Evidence> evidence;
  std::uint64_t evidence_omitted = 0;
  std::vector<RenderedFix> fixes;
  // What the log could not confirm or what the evidence means beyond the rule's title: a
  // window cut by the end of the input ("the log ends 2 s after line 14 ..."), the app's last
  // words before a loop's exits. Empty for most diagnoses.
  std::vector<std::string> notes;
  std::string fingerprint;  // hex digest of rule id + normalised key captures
  // The host its lines name (lower case, short: `gw-01`, not `gw-01.example.net`); empty when
  // none does. When the run holds more than one host it is part of the fingerprint, and
  // findings of different hosts are never one finding, one group or folded together.
  std::string host;
  std::vector<Diagnosis> explains;      // symptoms folded under this root cause (recursive)
  std::vector<RelatedFinding> related;  // possibly related, not folded (in diagnosis order)
  std::optional<PriorRuns> seen_before;
};

// Something the engine wants the user to know about the analysis itself (a capped state).
struct AnalysisNote {
  std::string message;
};

// One key event on the merged timeline (`analyze --timeline`): a line some diagnosis rests on
// (its own or its join partner's), or a restart/exit that a `restart-loop` rule matched even
// when no loop was found, so a user sees the order things happened in across every input.
struct TimelineEntry {
  Timestamp time;         // the event's own time, else the last one its input gave before it
  std::string time_text;  // as written, for times that are not absolute
  std::string input;
  std::uint64_t line = 0;
  std::string rule;        // the worst diagnosis' rule this line proves (ties: the first rule)
  std::string cause;       // empty when no finding rests on the line
  bool in_finding = true;  // false: a start, restart or exit a `restart-loop` rule matched alone
  Severity severity = Severity::info;
  std::string message;  // the event's message (no envelope)
};

// One host the run's events named and how many events it gave (a host with no finding is
// healthy; the report lists it as such).
struct HostSummary {
  std::string host;  // short, lower case (Diagnosis::host)
  std::uint64_t events = 0;
};

struct AnalysisResult {
  std::vector<Diagnosis> diagnoses;  // ranked; diagnoses[0] is the most likely root cause
  std::vector<AnalysisNote> notes;
  std::vector<TimelineEntry> timeline;  // key events, one per line, in time order
  std::uint64_t events_seen = 0;
  std::uint64_t events_matched = 0;
  // Every named host, in name order; empty when no event named one. More than one: the run
  // is over a fleet, and fingerprints, groups and links are per host.
  std::vector<HostSummary> hosts;
};

}  // namespace logdx
