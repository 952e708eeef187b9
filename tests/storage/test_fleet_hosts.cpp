// Incidents of a fleet name their host (issue 15): a version-2 history upgrades with its data
// and its old incidents host-less, a new run stores each diagnosis' host, and the reader
// filters by it.

#include <catch2/catch.hpp>

#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "schema.hpp"
#include "storage_test_support.hpp"

using namespace logdx;
using namespace logdx::storage;
using namespace logdx::storage::test;

namespace {

IncidentFilter only_host(std::string host) {
  return IncidentFilter{std::nullopt, std::nullopt, std::nullopt, std::move(host)};
}

}  // namespace

TEST_CASE("a version-2 history upgrades with its incidents, which name no host",
          "[storage][hosts]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  {
    DatabaseOptions options;
    options.migrate = false;
    Database old(path, OpenMode::create, options);
    migrate_to(old, 2);
    REQUIRE(old.schema_version() == 2);
    // Written as version 2 wrote it: the store's statements before the host column existed.
    old.exec(
        "INSERT INTO runs (id, started_at, command_line, host, logdx_version, rules_version, "
        "duration_ms, exit_code, events, matched, input_set) VALUES (1, '2026-11-24T10:00:00Z', "
        "'logdx analyze gateway.log', 'oc-gw-01', '0.2.0', 'xxh3:0123456789abcdef', 42, 1, 10, 3, "
        "'xxh3:aa');"
        "INSERT INTO incidents (id, fingerprint, cause, rule, title, severity, confidence, "
        "first_seen, last_seen, first_run_at, last_run_at, runs, last_occurrence_id) VALUES (1, "
        "'aaaa000011112222', 'port_conflict', 'gateway-port-in-use', 'Port 18789 is held', "
        "'critical', 0.94, '2026-11-24T10:00:03Z', '2026-11-24T10:02:11Z', "
        "'2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z', 1, 1);"
        "INSERT INTO occurrences (id, run_id, incident_id, parent_id, rank, severity, confidence, "
        "title, count, first_event, last_event, episode) VALUES (1, 1, 1, NULL, 1, 'critical', "
        "0.94, 'Port 18789 is held', 3, '2026-11-24T10:00:03Z', '2026-11-24T10:02:11Z', "
        "'xxh3:0000000000000001');");
  }
  Database db(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  const auto rows = HistoryReader(db).incidents({});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fingerprint == "aaaa000011112222");
  CHECK(rows[0].runs == 1);
  CHECK(rows[0].host.empty());
  CHECK(HistoryReader(db).incidents(only_host("gw-a")).empty());
}

TEST_CASE("each incident stores its host and the reader filters by it", "[storage][hosts]") {
  TempFolder tmp;
  Database db(tmp.file("history.db"), OpenMode::create);
  Diagnosis on_a = port_conflict();
  on_a.host = "gw-a";
  on_a.fingerprint = "a000000000000001";
  Diagnosis on_b = port_conflict();
  on_b.host = "gw-b";
  on_b.fingerprint = "b000000000000001";
  IncidentStore(db).record(run_at("2026-11-25T10:00:00Z"), {on_a, on_b});
  std::size_t with_host = 0;  // the folded symptoms of the helper's finding name none
  for (const IncidentRow& row : HistoryReader(db).incidents({})) with_host += !row.host.empty();
  CHECK(with_host == 2);
  const auto only_b = HistoryReader(db).incidents(only_host("gw-b"));
  REQUIRE(only_b.size() == 1);
  CHECK(only_b[0].fingerprint == "b000000000000001");
  CHECK(only_b[0].host == "gw-b");
}
