// Pruning and the read-only query: what goes, what stays, and what is refused.

#include <catch2/catch.hpp>

#include "logdx/storage/history_prune.hpp"
#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "logdx/storage/storage_error.hpp"
#include "storage_test_support.hpp"

using namespace logdx;
using namespace logdx::storage;
using namespace logdx::storage::test;

TEST_CASE("prune forgets old runs and what only they saw, and recounts the rest", "[storage]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  {
    Database db(path, OpenMode::create);
    IncidentStore store(db);
    store.record(run_at("2026-08-01T10:00:00Z"), {port_conflict()});
    Diagnosis later = port_conflict();
    later.explains.clear();  // the restart loop was only seen in August
    store.record(run_at("2026-11-24T10:00:00Z"), {later});
  }
  Database db(path, OpenMode::existing);
  const PruneResult dry = prune_history(db, "2026-09-01T00:00:00Z", /*dry_run=*/true);
  CHECK(dry.runs == 1);
  CHECK(dry.incidents == 1);
  CHECK(HistoryReader(db).runs(0, std::nullopt).size() == 2);  // a dry run changes nothing

  const PruneResult pruned = prune_history(db, "2026-09-01T00:00:00Z", false);
  CHECK(pruned.runs == 1);
  CHECK(pruned.incidents == 1);
  const auto rows = HistoryReader(db).incidents({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fingerprint == "aaaa000011112222");
  CHECK(rows[0].runs == 1);
  CHECK(rows[0].first_run_at == "2026-11-24T10:00:00Z");
  const QueryResult orphans = run_read_only_query(
      db, "SELECT count(*) FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM occurrence_evidence l "
          "WHERE l.evidence_id = e.id)");
  CHECK(std::get<std::int64_t>(orphans.rows[0][0]) == 0);
}

TEST_CASE("the query command reads with types and refuses every write", "[storage][query]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  { Database db(path, OpenMode::create); IncidentStore(db).record(run_at("2026-11-24T10:00:00Z"), {port_conflict()}); }
  Database db(path, OpenMode::read_only);
  const QueryResult r =
      run_read_only_query(db, "SELECT cause, runs, confidence, first_seen IS NULL AS n, NULL AS z "
                              "FROM incidents ORDER BY cause");
  REQUIRE(r.columns == std::vector<std::string>{"cause", "runs", "confidence", "n", "z"});
  REQUIRE(r.rows.size() == 2);
  CHECK(std::get<std::string>(r.rows[0][0]) == "port_conflict");
  CHECK(std::get<std::int64_t>(r.rows[0][1]) == 1);
  CHECK(std::get<double>(r.rows[0][2]) == Approx(0.94));
  CHECK(std::holds_alternative<Null>(r.rows[0][4]));

  for (const char* write : {"DELETE FROM runs", "UPDATE incidents SET runs = 0",
                            "INSERT INTO runs (id) VALUES (9)", "DROP TABLE runs",
                            "PRAGMA user_version = 99", "CREATE TABLE x (y)", "VACUUM"}) {
    INFO(write);
    CHECK_THROWS_AS(run_read_only_query(db, write), StorageError);
  }
  CHECK_THROWS_WITH(run_read_only_query(db, "DELETE FROM runs"), Catch::Contains("read-only"));
  CHECK_THROWS_WITH(run_read_only_query(db, "SELECT 1; DELETE FROM runs"),
                    Catch::Contains("one SQL statement"));
  CHECK_THROWS_WITH(run_read_only_query(db, "SELEC 1"), Catch::Contains("SQL error"));
  CHECK(std::get<std::int64_t>(run_read_only_query(db, "SELECT count(*) FROM runs").rows[0][0]) == 1);
}

TEST_CASE("a query stops at its row limit and says so", "[storage][query]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  const QueryResult r = run_read_only_query(
      db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 50) SELECT i FROM n",
      10);
  CHECK(r.rows.size() == 10);
  CHECK(r.truncated);
}
