#include "run_history.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>

#include "command_line_text.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/storage_error.hpp"
#include "time_arg.hpp"

namespace logdx::cli {
namespace {

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof(name) - 1) != 0) return "unknown";
  return name;
}

void fill_seen_before(std::vector<Diagnosis>& diagnoses,
                      const std::map<std::string, PriorRuns>& recalls) {
  for (Diagnosis& d : diagnoses) {
    if (auto it = recalls.find(d.fingerprint); it != recalls.end()) d.seen_before = it->second;
    fill_seen_before(d.explains, recalls);
  }
}

}  // namespace

storage::RunRecord make_run_record(const std::vector<std::string>& argv,
                                   const std::vector<InputSummary>& inputs,
                                   const AnalysisResult& result, std::string rules_version) {
  storage::RunRecord run;
  run.started_at = rfc3339_utc(std::chrono::system_clock::now());
  run.command_line = recorded_command_line(argv);
  run.host = host_name();
  run.logdx_version = LOGDX_VERSION;
  run.rules_version = std::move(rules_version);
  run.events = result.events_seen;
  run.matched = result.events_matched;
  for (const InputSummary& in : inputs) {
    run.inputs.push_back(
        {in.input, in.bytes, in.content_hash, in.parser, in.lines, in.events});
  }
  return run;
}

HistoryOutcome record_run(const std::string& db_path, const storage::DatabaseOptions& options,
                          const storage::RunRecord& run, const AnalysisResult& result,
                          AnalysisResult& shown) {
  try {
    storage::Database db(db_path, storage::OpenMode::create, options);
    storage::IncidentStore store(db);
    const storage::StoredRun stored = store.record(run, result.diagnoses);
    fill_seen_before(shown.diagnoses, stored.recalls);
    return {};
  } catch (const storage::StorageError& e) {
    if (e.kind() == storage::StorageErrorKind::read_only) {
      return {HistoryStatus::skipped_read_only,
              fmt::format("{} (this run is not recorded; --no-db silences this)", e.what())};
    }
    return {HistoryStatus::failed, fmt::format("history not updated: {}", e.what())};
  }
}

}  // namespace logdx::cli
