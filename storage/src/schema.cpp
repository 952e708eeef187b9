#include "schema.hpp"

#include <fmt/format.h>

#include "logdx/storage/database.hpp"
#include "logdx/storage/storage_error.hpp"
#include "transaction.hpp"

namespace logdx::storage {
namespace {

// Version 1: runs and their inputs; incidents (one per fingerprint); occurrences (run x
// incident, folded ones point at the occurrence that explains them); the facts and fixes of
// each occurrence; evidence stored once per incident and distinct line, linked to every
// occurrence that showed it.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT    NOT NULL,
  command_line  TEXT    NOT NULL,
  host          TEXT    NOT NULL,
  logdx_version TEXT    NOT NULL,
  rules_version TEXT    NOT NULL,
  duration_ms   INTEGER NOT NULL,
  exit_code     INTEGER NOT NULL,
  events        INTEGER NOT NULL,
  matched       INTEGER NOT NULL
);
CREATE INDEX runs_by_time ON runs (started_at);

CREATE TABLE run_inputs (
  run_id       INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  path         TEXT    NOT NULL,
  size         INTEGER NOT NULL,
  content_hash TEXT    NOT NULL,
  parser       TEXT    NOT NULL,
  lines        INTEGER NOT NULL,
  events       INTEGER NOT NULL,
  PRIMARY KEY (run_id, position)
);
CREATE INDEX run_inputs_by_hash ON run_inputs (content_hash);

CREATE TABLE incidents (
  id           INTEGER PRIMARY KEY,
  fingerprint  TEXT    NOT NULL UNIQUE,
  cause        TEXT    NOT NULL,
  rule         TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  severity     TEXT    NOT NULL,
  confidence   REAL    NOT NULL,
  first_seen   TEXT,
  last_seen    TEXT,
  first_run_at TEXT    NOT NULL,
  last_run_at  TEXT    NOT NULL,
  runs         INTEGER NOT NULL,
  last_occurrence_id INTEGER
);
CREATE INDEX incidents_by_cause ON incidents (cause);
CREATE INDEX incidents_by_rule ON incidents (rule);
CREATE INDEX incidents_by_last_seen ON incidents (last_run_at);

CREATE TABLE occurrences (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES occurrences (id) ON DELETE CASCADE,
  rank        INTEGER NOT NULL,
  severity    TEXT    NOT NULL,
  confidence  REAL    NOT NULL,
  title       TEXT    NOT NULL,
  count       INTEGER NOT NULL,
  first_event TEXT,
  last_event  TEXT,
  episode     TEXT    NOT NULL,
  UNIQUE (run_id, incident_id)
);
CREATE INDEX occurrences_by_incident ON occurrences (incident_id, run_id);

CREATE TABLE facts (
  occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  value         TEXT    NOT NULL,
  PRIMARY KEY (occurrence_id, position)
);

CREATE TABLE fixes (
  occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  command       TEXT    NOT NULL,
  why           TEXT    NOT NULL,
  PRIMARY KEY (occurrence_id, position)
);

CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  digest      TEXT    NOT NULL,
  time        TEXT,
  text        TEXT    NOT NULL,
  UNIQUE (incident_id, digest)
);

CREATE TABLE occurrence_evidence (
  occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  evidence_id   INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  input         TEXT    NOT NULL,
  line          INTEGER NOT NULL,
  PRIMARY KEY (occurrence_id, position)
);
CREATE INDEX occurrence_evidence_by_evidence ON occurrence_evidence (evidence_id);
)sql";

// Version 2: each run names the set of inputs it read (their content hashes, sorted), so the
// history can tell "the same logs read again" from "it happened again". Earlier runs get it
// from their run_inputs; a run that read nothing has ''.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE runs ADD COLUMN input_set TEXT NOT NULL DEFAULT '';
UPDATE runs SET input_set = coalesce((SELECT group_concat(h, ' ') FROM
  (SELECT DISTINCT content_hash AS h FROM run_inputs WHERE run_id = runs.id ORDER BY h)), '');
CREATE INDEX runs_by_input_set ON runs (input_set);
)sql";

// Version 3: a fix keeps its kind (shell, config, manual) and a config edit the file it goes
// in, so the history shows an nginx directive as an edit, not as a `$` command; an evidence
// line keeps which line of its record the rule matched (focus_line, 0-based) and where the
// message starts in that line (message_at, NULL when not known), so the decisive line of a
// multi-line record (a kernel OOM report's "Killed process") is shown as `analyze` shows it;
// and the line's stamp as the log wrote it (time_as_written), which a short terminal keeps
// when it shortens the envelope and JSON gives beside the ISO time.
// Earlier rows did not record a kind: they were all printed as commands, so they stay shell;
// their focus is the record's first line, which is what was shown for them.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE fixes ADD COLUMN kind TEXT NOT NULL DEFAULT 'shell'
  CHECK (kind IN ('shell', 'config', 'manual'));
ALTER TABLE fixes ADD COLUMN file TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN focus_line INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN message_at INTEGER;
ALTER TABLE evidence ADD COLUMN time_as_written TEXT;
)sql";

// Version 4 (issue 15, fleets):
// each incident names the host its lines came from (Diagnosis::host: short, lower case), so
// `incidents --host` filters and the same cause is counted across hosts. Incidents recorded
// before this have '' (they named no host to the history).
constexpr const char* kVersion4 = R"sql(
ALTER TABLE incidents ADD COLUMN host TEXT NOT NULL DEFAULT '';
CREATE INDEX incidents_by_host ON incidents (host);
)sql";

constexpr Migration kMigrations[] = {
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4},
};

void apply(Database& db, int target) {
  Transaction tx(db);
  const int current = db.schema_version();
  if (current > latest_schema_version()) {
    throw StorageError(StorageErrorKind::too_new, db.path(),
                       fmt::format("{}: written by a newer logdx (schema version {}, this one "
                                   "knows up to {}); left untouched",
                                   db.path(), current, latest_schema_version()));
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= current || m.version > target) continue;
    db.exec(m.sql);
    db.exec(fmt::format("PRAGMA user_version = {}", m.version).c_str());
  }
  tx.commit();
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

void migrate(Database& db) {
  if (db.schema_version() == latest_schema_version()) return;  // no write lock needed
  apply(db, latest_schema_version());
}

void migrate_to(Database& db, int version) { apply(db, version); }

}  // namespace logdx::storage
