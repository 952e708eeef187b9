#include "logdx/storage/history_reader.hpp"

#include <fmt/format.h>

#include "logdx/storage/storage_error.hpp"
#include "statement.hpp"

namespace logdx::storage {
namespace {

// Columns 0..17 of every incident query, in IncidentRow order. A run "re-read" the incident
// when an earlier run that saw it had read the same set of inputs (runs.input_set); an
// episode (occurrences.episode) is one time it happened.
constexpr const char* kIncidentColumns =
    "SELECT i.fingerprint, i.cause, i.rule, i.title, i.severity, i.confidence, i.first_seen, "
    "i.last_seen, i.first_run_at, i.last_run_at, i.runs, "
    "(SELECT coalesce(sum(m), 0) FROM (SELECT max(o.count) AS m FROM occurrences o "
    "  WHERE o.incident_id = i.id GROUP BY o.episode)), "
    "(SELECT count(*) FROM evidence e WHERE e.incident_id = i.id), "
    "(SELECT o.first_event FROM occurrences o WHERE o.incident_id = i.id ORDER BY o.run_id "
    "  LIMIT 1), "
    "(SELECT o.last_event FROM occurrences o WHERE o.incident_id = i.id ORDER BY o.run_id DESC "
    "  LIMIT 1), "
    "(SELECT count(DISTINCT o.episode) FROM occurrences o WHERE o.incident_id = i.id), "
    "(SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id "
    "  WHERE o.incident_id = i.id AND r.input_set != '' AND EXISTS (SELECT 1 FROM occurrences p "
    "  JOIN runs q ON q.id = p.run_id WHERE p.incident_id = i.id AND p.run_id < o.run_id "
    "  AND q.input_set = r.input_set)), i.host "
    "FROM incidents i ";

std::optional<std::string> optional_text(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return s.text(column);
}

std::uint64_t count_of(const Statement& s, int column) {
  return static_cast<std::uint64_t>(s.integer(column));
}

IncidentRow incident_row(const Statement& s) {
  IncidentRow r;
  r.fingerprint = s.text(0);
  r.cause = s.text(1);
  r.rule = s.text(2);
  r.title = s.text(3);
  r.severity = s.text(4);
  r.confidence = s.real(5);
  r.first_seen = optional_text(s, 6);
  r.last_seen = optional_text(s, 7);
  r.first_run_at = s.text(8);
  r.last_run_at = s.text(9);
  r.runs = count_of(s, 10);
  r.events = count_of(s, 11);
  r.evidence = count_of(s, 12);
  r.first_seen_as_written = optional_text(s, 13);
  r.last_seen_as_written = optional_text(s, 14);
  r.episodes = count_of(s, 15);
  r.rereads = count_of(s, 16);
  r.host = s.text(17);
  return r;
}

std::vector<std::pair<std::string, std::string>> pairs(const Database& db, const char* sql,
                                                       std::int64_t occurrence) {
  Statement s(db.handle(), sql, db.path());
  s.bind(1, occurrence);
  std::vector<std::pair<std::string, std::string>> out;
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  return out;
}

// The kind a stored name stands for (to_string's inverse). The column's CHECK admits only
// these; anything else (a hand-edited file) is read as shell, as every fix was before.
FixKind fix_kind_named(std::string_view name) {
  for (const FixKind kind : {FixKind::config, FixKind::manual}) {
    if (to_string(kind) == name) return kind;
  }
  return FixKind::shell;
}

std::vector<RenderedFix> fixes_of(const Database& db, std::int64_t occurrence) {
  Statement s(
      db.handle(),
      "SELECT kind, command, file, why FROM fixes WHERE occurrence_id = ? ORDER BY position",
      db.path());
  s.bind(1, occurrence);
  std::vector<RenderedFix> out;
  while (s.step()) {
    RenderedFix f;
    f.kind = fix_kind_named(s.text(0));
    f.text = s.text(1);
    f.file = s.text(2);
    f.why = s.text(3);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<StoredEvidence> evidence_of(const Database& db, std::int64_t occurrence) {
  Statement s(
      db.handle(),
      "SELECT l.input, l.line, e.time, e.text, e.focus_line, e.message_at, e.time_as_written "
      "FROM occurrence_evidence l "
      "JOIN evidence e ON e.id = l.evidence_id WHERE l.occurrence_id = ? "
      "ORDER BY l.position",
      db.path());
  s.bind(1, occurrence);
  std::vector<StoredEvidence> out;
  while (s.step()) {
    StoredEvidence e;
    e.input = s.text(0);
    e.line = count_of(s, 1);
    e.time = optional_text(s, 2);
    e.text = s.text(3);
    e.focus_line = static_cast<std::size_t>(s.integer(4));
    if (!s.is_null(5)) e.message_at = static_cast<std::size_t>(s.integer(5));
    e.time_as_written = optional_text(s, 6);
    out.push_back(std::move(e));
  }
  return out;
}

bool is_hex(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string find_fingerprint(const Database& db, const std::string& prefix) {
  if (!is_hex(prefix)) {
    throw StorageError(StorageErrorKind::not_found, db.path(),
                       fmt::format("'{}' is not a fingerprint (lower-case hex digits)", prefix));
  }
  Statement s(db.handle(),
              "SELECT fingerprint FROM incidents WHERE substr(fingerprint, 1, length(?1)) = ?1 "
              "ORDER BY fingerprint LIMIT 6",
              db.path());
  s.bind(1, prefix);
  std::vector<std::string> found;
  while (s.step()) found.push_back(s.text(0));
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    throw StorageError(StorageErrorKind::not_found, db.path(),
                       fmt::format("no incident with fingerprint {} in {}", prefix, db.path()));
  }
  throw StorageError(
      StorageErrorKind::not_found, db.path(),
      fmt::format(
          "fingerprint prefix {} is ambiguous: {}{}", prefix,
          fmt::join(found.begin(), found.begin() + std::min<std::size_t>(found.size(), 5), ", "),
          found.size() > 5 ? ", ..." : ""));
}

}  // namespace

std::vector<IncidentRow> HistoryReader::incidents(const IncidentFilter& filter) const {
  Statement s(db_.handle(),
              std::string(kIncidentColumns) +
                  "WHERE (?1 IS NULL OR coalesce(i.last_seen, i.last_run_at) >= ?1) "
                  "AND (?2 IS NULL OR i.cause = ?2) AND (?3 IS NULL OR i.rule = ?3) "
                  "AND (?4 IS NULL OR i.host = ?4) "
                  "ORDER BY coalesce(i.last_seen, i.last_run_at) DESC, i.fingerprint",
              db_.path());
  s.bind_optional(1, filter.since).bind_optional(2, filter.cause).bind_optional(3, filter.rule);
  s.bind_optional(4, filter.host);
  std::vector<IncidentRow> out;
  while (s.step()) out.push_back(incident_row(s));
  return out;
}

IncidentDetail HistoryReader::incident(const std::string& fingerprint_prefix) const {
  const std::string fingerprint = find_fingerprint(db_, fingerprint_prefix);
  IncidentDetail detail;
  Statement row(db_.handle(), std::string(kIncidentColumns) + "WHERE i.fingerprint = ?",
                db_.path());
  row.bind(1, fingerprint);
  if (row.step()) detail.incident = incident_row(row);
  Statement s(db_.handle(),
              "SELECT o.id, o.run_id, r.started_at, r.command_line, o.rank, pi.fingerprint, "
              "o.severity, o.confidence, o.title, o.count, o.first_event, o.last_event, "
              "r.input_set, o.episode "
              "FROM occurrences o JOIN runs r ON r.id = o.run_id "
              "JOIN incidents i ON i.id = o.incident_id "
              "LEFT JOIN occurrences p ON p.id = o.parent_id "
              "LEFT JOIN incidents pi ON pi.id = p.incident_id "
              "WHERE i.fingerprint = ? ORDER BY r.started_at, o.run_id",
              db_.path());
  s.bind(1, fingerprint);
  while (s.step()) {
    Occurrence o;
    const std::int64_t id = s.integer(0);
    o.run_id = s.integer(1);
    o.run_started_at = s.text(2);
    o.command_line = s.text(3);
    o.rank = static_cast<int>(s.integer(4));
    o.folded_under = optional_text(s, 5);
    o.severity = s.text(6);
    o.confidence = s.real(7);
    o.title = s.text(8);
    o.count = count_of(s, 9);
    o.first_event = optional_text(s, 10);
    o.last_event = optional_text(s, 11);
    o.input_set = s.text(12);
    o.episode = s.text(13);
    o.facts =
        pairs(db_, "SELECT name, value FROM facts WHERE occurrence_id = ? ORDER BY position", id);
    o.fixes = fixes_of(db_, id);
    o.evidence = evidence_of(db_, id);
    detail.occurrences.push_back(std::move(o));
  }
  return detail;
}

std::vector<RunRow> HistoryReader::runs(std::size_t limit,
                                        const std::optional<std::string>& since) const {
  Statement s(db_.handle(),
              "SELECT r.id, r.started_at, r.command_line, r.host, r.logdx_version, "
              "r.rules_version, r.duration_ms, r.exit_code, r.events, r.matched, "
              "(SELECT count(*) FROM occurrences o WHERE o.run_id = r.id), "
              "(SELECT min(p.id) FROM runs p WHERE p.id < r.id AND r.input_set != '' "
              " AND p.input_set = r.input_set), "
              "(SELECT i.cause FROM occurrences o JOIN incidents i ON i.id = o.incident_id "
              " WHERE o.run_id = r.id AND o.rank = 1) "
              "FROM runs r WHERE (?1 IS NULL OR r.started_at >= ?1) "
              "ORDER BY r.started_at DESC, r.id DESC LIMIT ?2",
              db_.path());
  s.bind_optional(1, since).bind(2,
                                 limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
  std::vector<RunRow> out;
  while (s.step()) {
    RunRow r;
    r.id = s.integer(0);
    r.started_at = s.text(1);
    r.command_line = s.text(2);
    r.host = s.text(3);
    r.logdx_version = s.text(4);
    r.rules_version = s.text(5);
    r.duration_ms = s.integer(6);
    r.exit_code = static_cast<int>(s.integer(7));
    r.events = count_of(s, 8);
    r.matched = count_of(s, 9);
    r.diagnoses = count_of(s, 10);
    if (!s.is_null(11)) r.same_inputs_as = s.integer(11);
    r.root_cause = optional_text(s, 12);
    out.push_back(std::move(r));
  }
  Statement inputs(db_.handle(),
                   "SELECT path, size, content_hash, parser, lines, events FROM run_inputs "
                   "WHERE run_id = ? ORDER BY position",
                   db_.path());
  for (RunRow& r : out) {
    inputs.bind(1, r.id);
    while (inputs.step()) {
      r.inputs.push_back({inputs.text(0), count_of(inputs, 1), inputs.text(2), inputs.text(3),
                          count_of(inputs, 4), count_of(inputs, 5)});
    }
    inputs.reset();
  }
  return out;
}

}  // namespace logdx::storage
