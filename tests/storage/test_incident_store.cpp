// IncidentStore + HistoryReader on real SQLite files: what a run stores, what re-analysing the
// same logs does to the counts, seen_before, redaction, and the incident queries.

#include <catch2/catch.hpp>

#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "logdx/storage/storage_error.hpp"
#include "storage_test_support.hpp"

using namespace logdx;
using namespace logdx::storage;
using namespace logdx::storage::test;

namespace {

std::int64_t scalar(const Database& db, const std::string& sql) {
  const QueryResult r = run_read_only_query(db, sql);
  REQUIRE(r.rows.size() == 1);
  return std::get<std::int64_t>(r.rows[0][0]);
}

}  // namespace

TEST_CASE("a run stores its inputs, incidents, folded occurrences, facts, fixes and evidence",
          "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  const StoredRun stored = IncidentStore(db).record(run_at("2026-11-24T10:05:00Z"), {port_conflict()});
  CHECK(stored.run_id == 1);
  CHECK(stored.recalls.size() == 2);
  CHECK(stored.recalls.at("aaaa000011112222").count == 0);
  CHECK(scalar(db, "SELECT count(*) FROM run_inputs") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM incidents") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM occurrences WHERE parent_id IS NOT NULL") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM facts") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM evidence") == 3);

  const auto rows = HistoryReader(db).incidents({});
  REQUIRE(rows.size() == 2);
  const auto detail = HistoryReader(db).incident("aaaa");
  CHECK(detail.incident.cause == "port_conflict");
  CHECK(detail.incident.first_seen == "2026-11-24T10:00:03Z");
  CHECK(detail.incident.last_seen == "2026-11-24T10:02:11Z");
  REQUIRE(detail.occurrences.size() == 1);
  CHECK(detail.occurrences[0].facts[0] == std::pair<std::string, std::string>{"port", "18789"});
  CHECK(detail.occurrences[0].fixes.size() == 1);
  CHECK(detail.occurrences[0].evidence[1].line == 40);
  const auto folded = HistoryReader(db).incident("bbbb");
  CHECK(folded.occurrences[0].folded_under == "aaaa000011112222");
}

TEST_CASE("re-analysing the same logs adds a run but not evidence or events", "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  IncidentStore store(db);
  store.record(run_at("2026-11-24T10:05:00Z"), {port_conflict()});
  const StoredRun second = store.record(run_at("2026-11-24T11:00:00Z"), {port_conflict()});
  CHECK(second.recalls.at("aaaa000011112222").count == 1);
  CHECK(second.recalls.at("aaaa000011112222").first_at == "2026-11-24T10:05:00Z");

  const auto detail = HistoryReader(db).incident("aaaa000011112222");
  CHECK(detail.incident.runs == 2);
  CHECK(detail.incident.events == 3);    // not 6
  CHECK(detail.incident.evidence == 2);  // not 4
  CHECK(detail.occurrences.size() == 2);
  CHECK(detail.occurrences[1].evidence.size() == 2);  // each run still shows its lines
}

TEST_CASE("a grown log continues its episode; a new episode adds its events", "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  IncidentStore store(db);
  store.record(run_at("2026-11-24T10:05:00Z"), {port_conflict(3)});
  store.record(run_at("2026-11-24T10:30:00Z"), {port_conflict(7)});  // same first line, more
  Diagnosis next_day = port_conflict(4);
  next_day.first_seen = utc(kT0 + 86400);
  next_day.evidence = {evidence(5, kT0 + 86400, "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789")};
  store.record(run_at("2026-11-25T10:05:00Z"), {next_day});
  const auto row = HistoryReader(db).incident("aaaa").incident;
  CHECK(row.runs == 3);
  CHECK(row.events == 7 + 4);
  CHECK(row.first_seen == "2026-11-24T10:00:03Z");
}

TEST_CASE("secrets are redacted before they are stored", "[storage][redact]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  Diagnosis d = port_conflict();
  d.evidence[0].text = "ws://127.0.0.1:18789/?token=9f8e7d6c5b4a39281706 closed 4008";
  d.facts.emplace_back("token", "gateway.auth.token 9f8e7d6c5b4a39281706");
  RunRecord run = run_at("2026-11-24T10:05:00Z");
  run.command_line = "logdx analyze 'Authorization: Bearer abcdef0123456789abcdef'";
  IncidentStore(db).record(run, {d});
  const QueryResult texts = run_read_only_query(
      db, "SELECT text FROM evidence UNION ALL SELECT value FROM facts "
          "UNION ALL SELECT command_line FROM runs");
  for (const auto& row : texts.rows) {
    const auto& text = std::get<std::string>(row[0]);
    CHECK(text.find("9f8e7d6c5b4a39281706") == std::string::npos);
    CHECK(text.find("abcdef0123456789abcdef") == std::string::npos);
  }
  CHECK(scalar(db, "SELECT count(*) FROM evidence WHERE text LIKE '%token=[REDACTED]%'") == 1);
}

TEST_CASE("incident filters: since, cause, rule", "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  IncidentStore(db).record(run_at("2026-11-24T10:05:00Z"), {port_conflict()});
  HistoryReader reader(db);
  CHECK(reader.incidents({std::nullopt, std::string("port_conflict"), std::nullopt, std::nullopt}).size() == 1);
  CHECK(reader.incidents({std::nullopt, std::nullopt, std::string("pm2-unstable-restarts"), std::nullopt}).size() == 1);
  CHECK(reader.incidents({std::string("2026-11-24T10:01:00Z"), std::nullopt, std::nullopt, std::nullopt}).size() == 2);
  CHECK(reader.incidents({std::string("2026-11-24T10:03:00Z"), std::nullopt, std::nullopt, std::nullopt}).empty());
}

TEST_CASE("fingerprint prefixes: unique, ambiguous, unknown, not hex", "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  Diagnosis other = port_conflict();
  other.fingerprint = "aaaa999911112222";
  other.explains.clear();
  IncidentStore store(db);
  store.record(run_at("2026-11-24T10:05:00Z"), {port_conflict()});
  store.record(run_at("2026-11-24T10:06:00Z"), {other});
  HistoryReader reader(db);
  CHECK(reader.incident("aaaa0").incident.fingerprint == "aaaa000011112222");
  CHECK_THROWS_WITH(reader.incident("aaaa"), Catch::Contains("ambiguous") &&
                                                 Catch::Contains("aaaa999911112222"));
  CHECK_THROWS_WITH(reader.incident("ffff"), Catch::Contains("no incident"));
  CHECK_THROWS_WITH(reader.incident("x'; DROP TABLE runs; --"), Catch::Contains("not a fingerprint"));
}

TEST_CASE("runs are listed newest first with their inputs and root cause", "[storage]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  IncidentStore store(db);
  store.record(run_at("2026-11-24T10:05:00Z"), {port_conflict()});
  store.record(run_at("2026-11-24T11:05:00Z"), {});
  const auto runs = HistoryReader(db).runs(0, std::nullopt);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].started_at == "2026-11-24T11:05:00Z");
  CHECK_FALSE(runs[0].root_cause.has_value());
  CHECK(runs[1].root_cause == "port_conflict");
  CHECK(runs[1].diagnoses == 2);
  CHECK(runs[1].inputs.at(0).content_hash == "xxh3:00000000deadbeef");
  CHECK(HistoryReader(db).runs(1, std::nullopt).size() == 1);
  CHECK(HistoryReader(db).runs(0, std::string("2026-11-24T11:00:00Z")).size() == 1);
}
