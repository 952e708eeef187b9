#pragma once
// How `logdx incidents`, `incidents show` and `history` print: text for people, JSON
// (schemas logdx.incidents/1, logdx.incident/1, logdx.history/1) for scripts.

#include <string>
#include <vector>

#include "analysis_text.hpp"
#include "logdx/storage/history_reader.hpp"

namespace logdx::cli {

std::string incidents_text(const std::vector<storage::IncidentRow>& rows,
                           const std::string& db_path, bool db_exists);
std::string incidents_json(const std::vector<storage::IncidentRow>& rows,
                           const std::string& db_path);

// Evidence and fixes as `analyze` shows them (analysis_text.hpp): the record's decisive line,
// each fix by its kind (a `$` command, an edit "in FILE:", a step).
std::string incident_text(const storage::IncidentDetail& detail, const TextStyle& style);
std::string incident_json(const storage::IncidentDetail& detail);

std::string history_text(const std::vector<storage::RunRow>& runs, const std::string& db_path,
                         bool db_exists);
std::string history_json(const std::vector<storage::RunRow>& runs, const std::string& db_path);

}  // namespace logdx::cli
