// Migrations by PRAGMA user_version: a database made by every earlier schema version is
// upgraded in place with its data; the committed dumps of real version-1 and version-2 histories
// (made by `logdx analyze` on corpus cases) load, upgrade without losing a row and read back
// through today's code.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "logdx/storage/history_reader.hpp"
#include "logdx/storage/incident_store.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "schema.hpp"
#include "statement.hpp"
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
      // From version 2 on, logdx writes each run's input set itself (version 1's are filled in
      // by the migration).
      if (version >= 2) old.exec("UPDATE runs SET input_set = 'xxh3:aa' WHERE id = 1");
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

namespace {

std::string load_dump(const char* name) {
  std::ifstream dump(std::string(LOGDX_STORAGE_FIXTURES) + "/" + name);
  REQUIRE(dump.good());
  return std::string((std::istreambuf_iterator<char>(dump)), {});
}

// Every row of every table version 2 had, each row as one line of its columns: what an upgrade
// must keep as it was (new columns are not part of it).
std::string version2_rows(const Database& db) {
  constexpr const char* kTables[][2] = {
      {"runs", "id, started_at, command_line, host, exit_code, events, matched, input_set"},
      {"run_inputs", "run_id, position, path, size, content_hash, parser, lines, events"},
      {"incidents", "id, fingerprint, cause, rule, title, severity, first_seen, last_seen, runs"},
      {"occurrences", "id, run_id, incident_id, parent_id, rank, count, first_event, episode"},
      {"facts", "occurrence_id, position, name, value"},
      {"fixes", "occurrence_id, position, command, why"},
      {"evidence", "id, incident_id, digest, time, text"},
      {"occurrence_evidence", "occurrence_id, position, evidence_id, input, line"},
  };
  std::string out;
  for (const auto& [table, columns] : kTables) {
    Statement s(db.handle(), fmt::format("SELECT {} FROM {} ORDER BY 1, 2", columns, table),
                db.path());
    while (s.step()) {
      out += table;
      for (int c = 0; c < s.columns(); ++c) out += "|" + (s.is_null(c) ? "NULL" : s.text(c));
      out += "\n";
    }
  }
  return out;
}

std::uint64_t count_rows(const Database& db, const std::string& sql) {
  Statement s(db.handle(), sql, db.path());
  REQUIRE(s.step());
  return static_cast<std::uint64_t>(s.integer(0));
}

// A kernel OOM report: the rule matched its "Killed process" line, the third of the record.
Diagnosis oom_with_config_fix() {
  Diagnosis d = port_conflict();
  d.rule = "oom-kernel-killed-node";
  d.cause = "oom_kernel";
  d.fingerprint = "cccc000011112222";
  d.explains.clear();
  Evidence e = evidence(52, kT0,
                        "oc-gw-01 kernel: node invoked oom-killer\n"
                        "oc-gw-01 kernel: Mem-Info:\n"
                        "oc-gw-01 kernel: Out of memory: Killed process 31877 (node)");
  e.focus_line = 2;
  e.message_at = 17;
  e.time_text = "[Tue Nov 24 10:00:03 2026]";
  d.evidence = {e};
  RenderedFix edit;
  edit.kind = FixKind::config;
  edit.file = "/etc/systemd/system/openclaw-gateway.service";
  edit.text = "Environment=NODE_OPTIONS=--max-old-space-size=3072";
  edit.why = "above the 1998 MB heap the log shows";
  RenderedFix step;
  step.kind = FixKind::manual;
  step.text = "add swap or RAM to the host";
  d.fixes = {d.fixes.front(), edit, step};
  return d;
}

}  // namespace

TEST_CASE("the committed version-2 history upgrades with every row kept; its fixes are shell",
          "[storage][schema]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  std::string before;
  {
    Database old(path, OpenMode::create, without_migration());
    old.exec(load_dump("history-v2.sql").c_str());
    REQUIRE(old.schema_version() == 2);
    before = version2_rows(old);
  }
  Database db(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(version2_rows(db) == before);
  // Version 2 stored no kind: its fixes were all printed as commands, and stay shell; its
  // evidence was shown by the record's first line, and still is.
  CHECK(count_rows(db, "SELECT count(*) FROM fixes") > 0);
  CHECK(count_rows(db, "SELECT count(*) FROM fixes WHERE kind != 'shell' OR file != ''") == 0);
  CHECK(count_rows(db,
                   "SELECT count(*) FROM evidence WHERE focus_line != 0 "
                   "OR message_at IS NOT NULL OR time_as_written IS NOT NULL") == 0);
  const auto incidents = HistoryReader(db).incidents(
      {std::nullopt, std::string("proxy_upstream_refused"), std::nullopt, std::nullopt});
  REQUIRE(incidents.size() == 1);
  const auto detail = HistoryReader(db).incident(incidents[0].fingerprint);
  REQUIRE(detail.occurrences.size() == 1);
  const auto& fixes = detail.occurrences[0].fixes;
  REQUIRE(fixes.size() == 3);
  CHECK(fixes[2].kind == FixKind::shell);
  CHECK(fixes[2].text == "proxy_pass http://127.0.0.1:18789;");
  CHECK(fixes[2].file.empty());
  CHECK(detail.occurrences[0].evidence.at(0).message_at == std::string::npos);
}

TEST_CASE("version 3 keeps each fix's kind and file and each evidence line's decisive line",
          "[storage][schema]") {
  TempFolder tmp;
  const std::string path = tmp.file("history.db");
  {
    Database old(path, OpenMode::create, without_migration());
    old.exec(load_dump("history-v2.sql").c_str());
  }
  Database db(path, OpenMode::existing);
  IncidentStore(db).record(run_at("2026-12-01T10:00:00Z"), {oom_with_config_fix()});
  const auto detail = HistoryReader(db).incident("cccc");
  REQUIRE(detail.occurrences.size() == 1);
  const auto& fixes = detail.occurrences[0].fixes;
  REQUIRE(fixes.size() == 3);
  CHECK(fixes[0].kind == FixKind::shell);
  CHECK(fixes[0].text == "lsof -nP -iTCP:18789 -sTCP:LISTEN");
  CHECK(fixes[1].kind == FixKind::config);
  CHECK(fixes[1].file == "/etc/systemd/system/openclaw-gateway.service");
  CHECK(fixes[1].text == "Environment=NODE_OPTIONS=--max-old-space-size=3072");
  CHECK(fixes[1].why == "above the 1998 MB heap the log shows");
  CHECK(fixes[2].kind == FixKind::manual);
  CHECK(fixes[2].file.empty());
  const auto& e = detail.occurrences[0].evidence.at(0);
  CHECK(e.focus_line == 2);
  CHECK(e.message_at == 17);
  CHECK(e.time_as_written == std::optional<std::string>("[Tue Nov 24 10:00:03 2026]"));
  CHECK(e.text.find("Killed process 31877") != std::string::npos);
  // A kind the schema does not know is refused, not stored as something else.
  CHECK_THROWS(db.exec("UPDATE fixes SET kind = 'sh'"));
}
