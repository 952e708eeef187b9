#pragma once
// Reads the history for `logdx incidents`, `incidents show` and `history`: value types out,
// no SQL outside storage/. An incident's `events` counts each episode once (its largest count
// over the runs that saw it) and `evidence` counts distinct lines, so analysing the same logs
// again never inflates them; `runs` says how many runs saw it.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/storage/database.hpp"
#include "logdx/storage/run_record.hpp"

namespace logdx::storage {

struct IncidentFilter {
  std::optional<std::string> since;  // RFC 3339 UTC: last seen (event time, else run time) >= it
  std::optional<std::string> cause;
  std::optional<std::string> rule;
  // A fleet host (short, lower case: `gw-01`, as Diagnosis::host); matched as written.
  std::optional<std::string> host;
};

struct IncidentRow {
  std::string fingerprint;
  std::string cause;
  std::string rule;
  std::string title;     // latest
  std::string severity;  // latest
  double confidence = 0;
  std::optional<std::string> first_seen;  // earliest event time known as absolute (UTC)
  std::optional<std::string> last_seen;
  // The first run's first and the latest run's last event time as the contract shows them
  // (UTC, else as the log wrote it: PM2 and syslog stamps carry no zone).
  std::optional<std::string> first_seen_as_written;
  std::optional<std::string> last_seen_as_written;
  std::string first_run_at;
  std::string last_run_at;
  std::uint64_t runs = 0;
  std::uint64_t events = 0;    // per episode, not summed over re-analyses
  std::uint64_t evidence = 0;  // distinct evidence lines kept
  std::uint64_t episodes = 0;  // separate times it happened (distinct first evidence lines)
  // Runs that saw it in logs an earlier run that saw it had read already (same input set):
  // the same log read again, not the failure happening again.
  std::uint64_t rereads = 0;
  std::string host;  // the host its lines named (the latest run's); '' when none did
};

struct StoredEvidence {
  std::string input;
  std::uint64_t line = 0;
  std::optional<std::string> time;
  std::string text;
  // As Evidence has them: the record's line the rule matched (0-based) and where its message
  // starts (npos: not known). Runs stored before schema version 3: the first line, npos.
  std::size_t focus_line = 0;
  std::size_t message_at = std::string::npos;
  std::optional<std::string> time_as_written;  // the stamp in the log (schema 3 on)
};

struct Occurrence {
  std::int64_t run_id = 0;
  std::string run_started_at;
  std::string command_line;
  int rank = 0;                             // 0: folded under another diagnosis of that run
  std::optional<std::string> folded_under;  // that diagnosis' fingerprint
  std::string severity;
  double confidence = 0;
  std::string title;
  std::uint64_t count = 0;
  std::optional<std::string> first_event;
  std::optional<std::string> last_event;
  std::vector<std::pair<std::string, std::string>> facts;
  // Kind, text, file and why as the run rendered them (shown_under is not stored: every fix
  // of the occurrence is here). Runs stored before schema version 3 give every fix as shell.
  std::vector<RenderedFix> fixes;
  std::vector<StoredEvidence> evidence;
  std::string input_set;  // the run's inputs (runs.input_set): equal sets = the same logs
  std::string episode;    // equal = the same time it happened
};

struct IncidentDetail {
  IncidentRow incident;
  std::vector<Occurrence> occurrences;  // oldest run first
};

struct RunRow {
  std::int64_t id = 0;
  std::string started_at;
  std::string command_line;
  std::string host;
  std::string logdx_version;
  std::string rules_version;
  std::int64_t duration_ms = 0;
  int exit_code = 0;
  std::uint64_t events = 0;
  std::uint64_t matched = 0;
  std::uint64_t diagnoses = 0;
  std::optional<std::int64_t> same_inputs_as;  // the first earlier run that read the same logs
  std::optional<std::string> root_cause;       // the rank-1 cause, if any
  std::vector<RunInput> inputs;
};

class HistoryReader {
 public:
  explicit HistoryReader(const Database& db) : db_(db) {}

  std::vector<IncidentRow> incidents(const IncidentFilter& filter) const;
  // By fingerprint or a unique prefix of one; throws StorageError (not_found) when none or
  // several match (the message lists them).
  IncidentDetail incident(const std::string& fingerprint_prefix) const;
  // Newest first; `limit` 0 = all.
  std::vector<RunRow> runs(std::size_t limit, const std::optional<std::string>& since) const;

 private:
  const Database& db_;
};

}  // namespace logdx::storage
