#pragma once
// Records analyze runs in the history: one write transaction per run with prepared statements.
// Only the engine's output is stored (diagnoses, their facts, fixes and evidence), never every
// event; everything stored is redacted first. Re-analysing the same logs adds a run, but the
// evidence of an incident is stored once per distinct line and its event count is kept per
// episode (the same first line = the same episode), so counts are not inflated.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/engine/redactor.hpp"
#include "logdx/storage/database.hpp"
#include "logdx/storage/run_record.hpp"

namespace logdx::storage {

struct StoredRun {
  std::int64_t run_id = 0;
  std::map<std::string, PriorRuns> recalls;  // by fingerprint, every diagnosis in the tree
};

class IncidentStore {
 public:
  explicit IncidentStore(Database& db) : db_(db) {}

  // Stores the run and its diagnosis tree; returns what earlier runs knew of each incident.
  // All or nothing: on any error the run is rolled back and StorageError thrown.
  StoredRun record(const RunRecord& run, const std::vector<Diagnosis>& diagnoses);

 private:
  Database& db_;
  Redactor redactor_;
};

}  // namespace logdx::storage
