// Migrations by PRAGMA user_version: a database made by every earlier schema version is
// upgraded in place with its data; the committed dump of a real version-1 history (made by
// `logdx analyze` on corpus case 01) loads and reads back through today's code.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "schema.hpp"
#include "storage_test_support.hpp"

using namespace logdx;
using namespace logdx::storage;
using namespace logdx::storage::test;

namespace {

DatabaseOptions without_migration() {
  DatabaseOptions options;
  options.migrate = false;
  return options;
}

// What logdx 0.1.0 (schema version 1) wrote for one run that saw one incident.
constexpr const char* kVersion1Rows = R"sql(
INSERT INTO runs (id, started_at, command_line, host, logdx_version, rules_version, duration_ms,
  exit_code, events, matched)
  VALUES (1, '2026-11-24T10:00:00Z', 'logdx analyze gateway.log', 'oc-gw-01', '0.1.0',
  'xxh3:0123456789abcdef', 42, 1, 10, 3);
INSERT INTO run_inputs VALUES (1, 0, 'gateway.log', 100, 'xxh3:aa', 'syslog', 10, 10);
INSERT INTO incidents (id, fingerprint, cause, rule, title, severity, confidence, first_seen,
  last_seen, first_run_at, last_run_at, runs, last_occurrence_id)
  VALUES (1, 'aaaa000011112222', 'port_conflict', 'gateway-port-in-use', 'Port 18789 is held',
  'critical', 0.94, '2026-11-24T10:00:03Z', '2026-11-24T10:02:11Z', '2026-11-24T10:00:00Z',
  '2026-11-24T10:00:00Z', 1, 1);
INSERT INTO occurrences (id, run_id, incident_id, parent_id, rank, severity, confidence, title,
  count, first_event, last_event, episode)
  VALUES (1, 1, 1, NULL, 1, 'critical', 0.94, 'Port 18789 is held', 3, '2026-11-24T10:00:03Z',
  '2026-11-24T10:02:11Z', 'xxh3:0000000000000001');
)sql";

}  // namespace

TEST_CASE("migrations are numbered 1, 2, ... with no gaps", "[storage][schema]") {
  int expected = 1;
  for (const Migration& m : migrations()) CHECK(m.version == expected++);
  CHECK(latest_schema_version() == expected - 1);
}

TEST_CASE("a database made by every earlier version upgrades to the latest with its data",
          "[storage][schema]") {
  for (int version = 0; version < latest_schema_version(); ++version) {
    INFO("made by schema version " << version);
    TempFolder tmp;
    const std::string path = tmp.file("history.db");
    {
      Database old(path, OpenMode::create, without_migration());
      migrate_to(old, version);
      REQUIRE(old.schema_version() == version);
      // Today's store writes today's schema: an old database gets the rows its version wrote.
      if (version >= 1) old.exec(kVersion1Rows);
      // Version 2 and later wrote each run's input set as they recorded it.
      if (version >= 2) old.exec("UPDATE runs SET input_set = 'xxh3:aa'");
    }
    Database db(path, OpenMode::existing);
    CHECK(db.schema_version() == latest_schema_version());
    if (version >= 1) CHECK(HistoryReader(db).incident("aaaa").incident.runs == 1);
    RunRecord again = run_at("2026-11-25T10:00:00Z");
    again.inputs = {{"gateway.log", 100, "xxh3:aa", "syslog", 10, 10}};
    const StoredRun stored = IncidentStore(db).record(again, {port_conflict()});
    CHECK(HistoryReader(db).runs(0, std::nullopt).size() == (version >= 1 ? 2u : 1u));
    // The old run's input set was filled in: the new run read the same logs.
    CHECK(stored.recalls.at("aaaa000011112222").same_inputs == (version >= 1 ? 1u : 0u));
  }
}

TEST_CASE("the committed version-1 history loads, upgrades and reads back", "[storage][schema]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  std::ifstream dump(LOGDX_STORAGE_FIXTURES "/history-v1.sql");
  REQUIRE(dump.good());
  const std::string sql((std::istreambuf_iterator<char>(dump)), {});
  {
    Database old(path, OpenMode::create, without_migration());
    old.exec(sql.c_str());
    REQUIRE(old.schema_version() == 1);
  }
  Database db(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  const auto incidents = HistoryReader(db).incidents(
      {std::nullopt, std::string("port_conflict"), std::nullopt, std::nullopt});
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].runs == 2);
  const auto detail = HistoryReader(db).incident(incidents[0].fingerprint);
  REQUIRE(detail.occurrences.size() == 2);
  CHECK_FALSE(detail.occurrences[0].evidence.empty());
  CHECK_FALSE(detail.occurrences[0].fixes.empty());
}

TEST_CASE("version 2 names each old run's input set, so re-reads are told apart after the upgrade",
          "[storage][schema]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  std::ifstream dump(LOGDX_STORAGE_FIXTURES "/history-v1.sql");
  const std::string sql((std::istreambuf_iterator<char>(dump)), {});
  {
    Database old(path, OpenMode::create, without_migration());
    old.exec(sql.c_str());
  }
  Database db(path, OpenMode::existing);
  // The dump holds two runs of the same log: the second is the same log read again.
  const auto runs = HistoryReader(db).runs(0, std::nullopt);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].same_inputs_as == std::optional<std::int64_t>(1));
  CHECK_FALSE(runs[1].same_inputs_as);
  const auto incidents = HistoryReader(db).incidents(
      {std::nullopt, std::string("port_conflict"), std::nullopt, std::nullopt});
  REQUIRE(incidents.size() == 1);
  CHECK(incidents[0].runs == 2);
  CHECK(incidents[0].rereads == 1);
  CHECK(incidents[0].episodes == 1);
  // A new run over the same bytes continues the re-reads; its recall says so.
  RunRecord again = run_at("2026-11-26T10:00:00Z");
  again.inputs = {{"renamed.log", 9232, "xxh3:d53cd6175a5fac43", "syslog-iso", 70, 70}};
  Diagnosis d = port_conflict();
  d.fingerprint = incidents[0].fingerprint;
  const StoredRun stored = IncidentStore(db).record(again, {d});
  CHECK(stored.recalls.at(d.fingerprint).count == 2);
  CHECK(stored.recalls.at(d.fingerprint).same_inputs == 2);
}

TEST_CASE("the input set ignores names and order, and is empty when nothing was read",
          "[storage][schema]") {
  const RunInput a{"a.log", 1, "xxh3:aa", "syslog", 1, 1};
  const RunInput b{"b.log", 1, "xxh3:bb", "syslog", 1, 1};
  RunInput a_renamed = a;
  a_renamed.path = "copy-of-a.log";
  CHECK(input_set({a, b}) == input_set({b, a_renamed}));
  CHECK(input_set({a, b}) == "xxh3:aa xxh3:bb");
  CHECK(input_set({a}) != input_set({a, b}));
  CHECK(input_set({}).empty());
}
