#include "logdx/storage/history_prune.hpp"

#include <sqlite3.h>

#include "statement.hpp"
#include "transaction.hpp"

namespace logdx::storage {
namespace {

std::uint64_t count(const Database& db, const char* sql, const std::string& before) {
  Statement s(db.handle(), sql, db.path());
  s.bind(1, before);
  return s.step() ? static_cast<std::uint64_t>(s.integer(0)) : 0;
}

std::uint64_t changes(const Database& db, const char* sql) {
  db.exec(sql);
  return static_cast<std::uint64_t>(sqlite3_changes(db.handle()));
}

constexpr const char* kRecount =
    "UPDATE incidents SET "
    "runs = (SELECT count(*) FROM occurrences o WHERE o.incident_id = incidents.id), "
    "first_run_at = (SELECT min(r.started_at) FROM occurrences o JOIN runs r ON r.id = o.run_id "
    "  WHERE o.incident_id = incidents.id), "
    "last_run_at = (SELECT max(r.started_at) FROM occurrences o JOIN runs r ON r.id = o.run_id "
    "  WHERE o.incident_id = incidents.id), "
    "last_occurrence_id = (SELECT max(o.id) FROM occurrences o "
    "  WHERE o.incident_id = incidents.id), "
    "first_seen = (SELECT min(o.first_event) FROM occurrences o WHERE o.incident_id = incidents.id "
    "  AND o.first_event GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'), "
    "last_seen = (SELECT max(o.last_event) FROM occurrences o WHERE o.incident_id = incidents.id "
    "  AND o.last_event GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')";

}  // namespace

PruneResult prune_history(Database& db, const std::string& before, bool dry_run) {
  Transaction tx(db);
  PruneResult result;
  if (dry_run) {
    result.runs = count(db, "SELECT count(*) FROM runs WHERE started_at < ?", before);
    result.incidents = count(db,
                             "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM "
                             "occurrences o JOIN runs r ON r.id = o.run_id WHERE o.incident_id = "
                             "i.id AND r.started_at >= ?1)",
                             before);
    return result;  // rolled back: nothing changed
  }
  Statement remove(db.handle(), "DELETE FROM runs WHERE started_at < ?", db.path());
  remove.bind(1, before).run();
  result.runs = static_cast<std::uint64_t>(sqlite3_changes(db.handle()));
  result.evidence = changes(db,
                            "DELETE FROM evidence WHERE NOT EXISTS (SELECT 1 FROM "
                            "occurrence_evidence l WHERE l.evidence_id = evidence.id)");
  result.incidents = changes(db,
                             "DELETE FROM incidents WHERE NOT EXISTS (SELECT 1 FROM occurrences o "
                             "WHERE o.incident_id = incidents.id)");
  db.exec(kRecount);
  tx.commit();
  return result;
}

}  // namespace logdx::storage
