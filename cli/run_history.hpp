#pragma once
// analyze's side of the history: records the run (redacted) and fills each diagnosis'
// seen_before from what earlier runs knew. A history problem never loses the analysis: the
// caller prints the result either way; the outcome says whether storing failed (exit 2) or
// was skipped with a warning (a read-only database).

#include <string>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event_reader.hpp"
#include "logdx/storage/database.hpp"
#include "logdx/storage/run_record.hpp"

namespace logdx::cli {

enum class HistoryStatus { stored, skipped_read_only, failed };

struct HistoryOutcome {
  HistoryStatus status = HistoryStatus::stored;
  std::string message;  // for stderr: the warning or error, naming the file
};

storage::RunRecord make_run_record(const std::vector<std::string>& argv,
                                   const std::vector<InputSummary>& inputs,
                                   const AnalysisResult& result, std::string rules_version);

// Stores `run` with `result`'s diagnoses and sets seen_before on every diagnosis of `shown`
// (the copy that will be printed, redacted or not; same tree shape as `result`).
HistoryOutcome record_run(const std::string& db_path, const storage::DatabaseOptions& options,
                          const storage::RunRecord& run, const AnalysisResult& result,
                          AnalysisResult& shown);

}  // namespace logdx::cli
