#include "logdx/storage/incident_store.hpp"

#include <fmt/format.h>

#include <set>

#include "logdx/parsers/content_digest.hpp"
#include "logdx/parsers/timestamp.hpp"
#include "statement.hpp"
#include "transaction.hpp"

namespace logdx::storage {
namespace {

// The statements one run needs, prepared once per run.
struct RunStatements {
  sqlite3* db;
  Statement insert_run, insert_input, find_incident, insert_incident, update_incident, recall,
      insert_occurrence, insert_fact, insert_fix, insert_evidence, find_evidence, link_evidence;

  RunStatements(sqlite3* handle, const std::string& path)
      : db(handle),
        insert_run(db,
                   "INSERT INTO runs (started_at, command_line, host, logdx_version, "
                   "rules_version, duration_ms, exit_code, events, matched, input_set) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?)",
                   path),
        insert_input(db,
                     "INSERT INTO run_inputs (run_id, position, path, size, content_hash, "
                     "parser, lines, events) VALUES (?,?,?,?,?,?,?,?)",
                     path),
        find_incident(db, "SELECT id FROM incidents WHERE fingerprint = ?", path),
        insert_incident(db,
                        "INSERT INTO incidents (fingerprint, cause, rule, title, severity, "
                        "confidence, first_seen, last_seen, first_run_at, last_run_at, runs) "
                        "VALUES (?1, '', '', '', '', 0, NULL, NULL, ?2, ?2, 0)",
                        path),
        update_incident(db,
                        "UPDATE incidents SET cause = ?2, rule = ?3, title = ?4, severity = ?5, "
                        "confidence = ?6, "
                        "first_seen = CASE WHEN first_seen IS NULL OR ?7 < first_seen "
                        "THEN coalesce(?7, first_seen) ELSE first_seen END, "
                        "last_seen = CASE WHEN last_seen IS NULL OR ?8 > last_seen "
                        "THEN coalesce(?8, last_seen) ELSE last_seen END, "
                        "last_run_at = ?9, runs = runs + 1, last_occurrence_id = ?10, host = ?11 "
                        "WHERE id = ?1",
                        path),
        recall(db,
               "SELECT count(*), min(r.started_at), max(r.started_at), "
               "coalesce(sum(?3 != '' AND r.input_set = ?3), 0) FROM occurrences o "
               "JOIN runs r ON r.id = o.run_id WHERE o.incident_id = ?1 AND o.run_id < ?2",
               path),
        insert_occurrence(db,
                          "INSERT INTO occurrences (run_id, incident_id, parent_id, rank, "
                          "severity, confidence, title, count, first_event, last_event, episode) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                          path),
        insert_fact(db, "INSERT INTO facts (occurrence_id, position, name, value) VALUES (?,?,?,?)",
                    path),
        insert_fix(db,
                   "INSERT INTO fixes (occurrence_id, position, command, why, kind, file) "
                   "VALUES (?,?,?,?,?,?)",
                   path),
        insert_evidence(db,
                        "INSERT OR IGNORE INTO evidence (incident_id, digest, time, text, "
                        "focus_line, message_at, time_as_written) VALUES (?,?,?,?,?,?,?)",
                        path),
        find_evidence(db, "SELECT id FROM evidence WHERE incident_id = ? AND digest = ?", path),
        link_evidence(db,
                      "INSERT INTO occurrence_evidence (occurrence_id, position, evidence_id, "
                      "input, line) VALUES (?,?,?,?,?)",
                      path) {}

  std::int64_t last_id() const { return sqlite3_last_insert_rowid(db); }
};

std::optional<std::string> absolute_time(const Timestamp& t) {
  if (t.kind != TimeKind::utc) return std::nullopt;
  return format_timestamp(t);
}

// ISO-8601 for calendar times (a local one without a zone, so `incidents -o json` has a time
// jq can sort wherever the log had one), else the text as written.
std::optional<std::string> shown_time(const Timestamp& t, const std::string& text) {
  std::string shown = t.kind == TimeKind::local ? format_timestamp(t) : contract_time(t, text);
  if (shown.empty()) return std::nullopt;
  return shown;
}

std::int64_t as_int(std::uint64_t value) { return static_cast<std::int64_t>(value); }

// The same line at the same time is the same evidence, whichever run or input showed it.
std::string evidence_digest(const Evidence& e) {
  return ContentDigest::of(fmt::format("{}\n{}", contract_time(e.time, e.time_text), e.text));
}

// An episode is named by its first line: analysing the same (or a grown) log again continues
// the same episode, so its event count is the largest seen, not the sum.
std::string episode_of(const Diagnosis& d) {
  if (d.evidence.empty()) return ContentDigest::of(d.fingerprint + "\n" + d.first_seen_text);
  return evidence_digest(d.evidence.front());
}

class RunWriter {
 public:
  RunWriter(RunStatements& s, std::int64_t run_id, const RunRecord& run, StoredRun& stored)
      : s_(s), run_id_(run_id), run_(run), input_set_(input_set(run.inputs)), stored_(stored) {}

  void write_tree(const std::vector<Diagnosis>& diagnoses, std::optional<std::int64_t> parent) {
    for (const Diagnosis& d : diagnoses) {
      if (!seen_.insert(d.fingerprint).second) continue;  // one occurrence per run and incident
      const std::int64_t occurrence = write_diagnosis(d, parent);
      write_tree(d.explains, occurrence);
    }
  }

 private:
  std::int64_t incident_id(const std::string& fingerprint) {
    s_.find_incident.bind(1, fingerprint);
    const bool found = s_.find_incident.step();
    const std::int64_t id = found ? s_.find_incident.integer(0) : 0;
    s_.find_incident.reset();
    if (found) return id;
    s_.insert_incident.bind(1, fingerprint).bind(2, run_.started_at).run();
    return s_.last_id();
  }

  PriorRuns recall(std::int64_t incident) {
    PriorRuns r;
    s_.recall.bind(1, incident).bind(2, run_id_).bind(3, input_set_);
    if (s_.recall.step() && s_.recall.integer(0) > 0) {
      r.count = static_cast<std::uint64_t>(s_.recall.integer(0));
      r.first_at = s_.recall.text(1);
      r.last_at = s_.recall.text(2);
      r.same_inputs = static_cast<std::uint64_t>(s_.recall.integer(3));
    }
    s_.recall.reset();
    return r;
  }

  std::int64_t write_diagnosis(const Diagnosis& d, std::optional<std::int64_t> parent) {
    const std::int64_t incident = incident_id(d.fingerprint);
    stored_.recalls[d.fingerprint] = recall(incident);
    Statement& o = s_.insert_occurrence;
    o.bind(1, run_id_).bind(2, incident);
    if (parent)
      o.bind(3, *parent);
    else
      o.bind_null(3);
    o.bind(4, std::int64_t{d.rank}).bind(5, std::string(to_string(d.severity)));
    o.bind(6, d.confidence).bind(7, d.title).bind(8, as_int(d.count));
    o.bind_optional(9, shown_time(d.first_seen, d.first_seen_text));
    o.bind_optional(10, shown_time(d.last_seen, d.last_seen_text));
    o.bind(11, episode_of(d)).run();
    const std::int64_t occurrence = s_.last_id();
    Statement& u = s_.update_incident;
    u.bind(1, incident).bind(2, d.cause).bind(3, d.rule).bind(4, d.title);
    u.bind(5, std::string(to_string(d.severity))).bind(6, d.confidence);
    u.bind_optional(7, absolute_time(d.first_seen)).bind_optional(8, absolute_time(d.last_seen));
    u.bind(9, run_.started_at).bind(10, occurrence).bind(11, d.host).run();
    write_details(d, incident, occurrence);
    return occurrence;
  }

  void write_details(const Diagnosis& d, std::int64_t incident, std::int64_t occurrence) {
    std::int64_t position = 0;
    for (const auto& [name, value] : d.facts) {
      s_.insert_fact.bind(1, occurrence).bind(2, position++).bind(3, name).bind(4, value).run();
    }
    position = 0;
    for (const auto& fix : d.fixes) {
      s_.insert_fix.bind(1, occurrence).bind(2, position++).bind(3, fix.text);
      s_.insert_fix.bind(4, fix.why).bind(5, std::string(to_string(fix.kind)));
      s_.insert_fix.bind(6, fix.file).run();
    }
    position = 0;
    for (const auto& e : d.evidence) {
      const std::string digest = evidence_digest(e);
      s_.insert_evidence.bind(1, incident).bind(2, digest);
      s_.insert_evidence.bind_optional(3, shown_time(e.time, e.time_text)).bind(4, e.text);
      s_.insert_evidence.bind(5, as_int(e.focus_line));
      if (e.message_at == std::string::npos) {
        s_.insert_evidence.bind_null(6);
      } else {
        s_.insert_evidence.bind(6, as_int(e.message_at));
      }
      s_.insert_evidence.bind_optional(
          7, e.time_text.empty() ? std::nullopt : std::optional(e.time_text));
      s_.insert_evidence.run();
      s_.find_evidence.bind(1, incident).bind(2, digest);
      s_.find_evidence.step();
      const std::int64_t evidence = s_.find_evidence.integer(0);
      s_.find_evidence.reset();
      s_.link_evidence.bind(1, occurrence).bind(2, position++).bind(3, evidence);
      s_.link_evidence.bind(4, e.input).bind(5, as_int(e.line)).run();
    }
  }

  RunStatements& s_;
  std::int64_t run_id_;
  const RunRecord& run_;
  std::string input_set_;
  StoredRun& stored_;
  std::set<std::string> seen_;
};

std::int64_t write_run(RunStatements& s, const RunRecord& run, const std::string& command_line) {
  Statement& r = s.insert_run;
  r.bind(1, run.started_at).bind(2, command_line).bind(3, run.host).bind(4, run.logdx_version);
  r.bind(5, run.rules_version).bind(6, run.duration_ms).bind(7, std::int64_t{run.exit_code});
  r.bind(8, as_int(run.events)).bind(9, as_int(run.matched)).bind(10, input_set(run.inputs)).run();
  const std::int64_t run_id = s.last_id();
  std::int64_t position = 0;
  for (const RunInput& in : run.inputs) {
    Statement& i = s.insert_input;
    i.bind(1, run_id).bind(2, position++).bind(3, in.path).bind(4, as_int(in.size));
    i.bind(5, in.content_hash).bind(6, in.parser).bind(7, as_int(in.lines));
    i.bind(8, as_int(in.events)).run();
  }
  return run_id;
}

}  // namespace

StoredRun IncidentStore::record(const RunRecord& run, const std::vector<Diagnosis>& diagnoses) {
  std::vector<Diagnosis> redacted = diagnoses;  // never stored unredacted, whatever was printed
  for (Diagnosis& d : redacted) redactor_.redact(d);
  Transaction tx(db_);
  RunStatements statements(db_.handle(), db_.path());
  StoredRun stored;
  stored.run_id = write_run(statements, run, redactor_.redact(run.command_line));
  RunWriter(statements, stored.run_id, run, stored).write_tree(redacted, std::nullopt);
  tx.commit();
  return stored;
}

}  // namespace logdx::storage
