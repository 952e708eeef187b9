#include "incidents_views.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>

#include "analysis_json.hpp"
#include "analysis_text.hpp"
#include "command_line_text.hpp"
#include "json_writer.hpp"
#include "terminal_text.hpp"
#include "text_table.hpp"

namespace logdx::cli {
namespace {

constexpr std::size_t kShortFingerprint = 8;

// A stored line as analyze's printers take it, so `incidents show` shows it as `analyze` did:
// the record's decisive line, its message kept when the width is short.
Evidence as_evidence(const storage::StoredEvidence& e) {
  Evidence out;
  out.input = e.input;
  out.line = e.line;
  out.time_text = e.time_as_written ? *e.time_as_written : e.time.value_or("");
  out.text = e.text;
  out.focus_line = e.focus_line;
  out.message_at = e.message_at;
  return out;
}

std::string or_dash(const std::optional<std::string>& text) { return text ? *text : "-"; }

void optional_value(JsonWriter& w, const char* key, const std::optional<std::string>& text) {
  w.key(key);
  if (text) {
    w.value(*text);
  } else {
    w.null();
  }
}

// What a stored time is: the history keeps UTC times as RFC 3339 with `Z`, local ones as ISO
// without a zone (older runs: as the log wrote them).
std::string_view stored_time_kind(std::string_view time) {
  const bool iso = time.size() >= 19 && time[4] == '-' && time[7] == '-' && time[10] == 'T';
  if (iso && time.back() == 'Z') return "utc";
  if (iso && time.find_first_of("+Z", 19) == std::string_view::npos) return "local";
  return "as_written";
}

// `KEY` never null where the history has a time: the UTC one, else the first run's own, with
// `KEY_kind` saying which (utc, local, as_written).
void write_stored_time(JsonWriter& w, const std::string& key, const std::optional<std::string>& utc,
                       const std::optional<std::string>& other) {
  const std::optional<std::string>& time = utc ? utc : other;
  optional_value(w, key.c_str(), time);
  if (time) w.key(key + "_kind").value(stored_time_kind(*time));
}

void write_incident_fields(JsonWriter& w, const storage::IncidentRow& r) {
  w.key("fingerprint").value(r.fingerprint).key("cause").value(r.cause);
  w.key("rule").value(r.rule).key("title").value(r.title).key("severity").value(r.severity);
  w.key("confidence").value(r.confidence);
  write_stored_time(w, "first_seen", r.first_seen, r.first_seen_as_written);
  write_stored_time(w, "last_seen", r.last_seen, r.last_seen_as_written);
  optional_value(w, "first_seen_as_written", r.first_seen_as_written);
  optional_value(w, "last_seen_as_written", r.last_seen_as_written);
  w.key("first_run").value(r.first_run_at).key("last_run").value(r.last_run_at);
  w.key("runs").value(r.runs).key("events").value(r.events).key("evidence").value(r.evidence);
  w.key("episodes").value(r.episodes).key("rereads").value(r.rereads);
  w.key("host");
  if (r.host.empty()) {
    w.null();
  } else {
    w.value(r.host);
  }
}

void write_pairs(JsonWriter& w, const char* key,
                 const std::vector<std::pair<std::string, std::string>>& pairs) {
  w.key(key).begin_object();
  for (const auto& [name, value] : pairs) w.key(name).value(value);
  w.end_object();
}

void write_occurrence(JsonWriter& w, const storage::Occurrence& o) {
  w.begin_object();
  w.key("run").value(o.run_id).key("run_started").value(o.run_started_at);
  w.key("command_line").value(shown_command_line(o.command_line)).key("rank").value(o.rank);
  optional_value(w, "folded_under", o.folded_under);
  w.key("severity").value(o.severity).key("confidence").value(o.confidence);
  w.key("title").value(o.title).key("count").value(o.count);
  write_stored_time(w, "first_seen", o.first_event, std::nullopt);
  write_stored_time(w, "last_seen", o.last_event, std::nullopt);
  write_pairs(w, "facts", o.facts);
  w.key("fixes").begin_array();
  for (const auto& f : o.fixes) write_fix(w, f);  // as analyze -o json writes them
  w.end_array();
  w.key("evidence").begin_array();
  for (const auto& e : o.evidence) {
    w.begin_object().key("input").value(e.input).key("line").value(e.line);
    w.key("matched_line").value(e.line + e.focus_line);  // as analyze -o json writes it
    write_stored_time(w, "time", e.time, std::nullopt);
    if (e.time_as_written) w.key("time_as_written").value(*e.time_as_written);
    w.key("text").value(e.text).end_object();
  }
  w.end_array();
  w.end_object();
}

// What `incidents show` already printed: which run first read each input set, and which
// evidence lines (time and text) it showed, so a run over the same logs does not repeat them.
struct ShownSoFar {
  std::map<std::string, std::int64_t> first_run_of_inputs;
  std::map<std::pair<std::string, std::string>, std::int64_t> run_of_line;
};

std::string run_heading(const storage::Occurrence& o, ShownSoFar& shown) {
  std::string out = fmt::format("Run {} at {}: {}", o.run_id, o.run_started_at,
                                terminal_safe(shown_command_line(o.command_line)));
  if (o.input_set.empty()) return out + "\n";
  const auto [it, first] = shown.first_run_of_inputs.emplace(o.input_set, o.run_id);
  if (!first) out += fmt::format(" (the same logs as run {} read again)", it->second);
  return out + "\n";
}

void append_evidence(std::string& out, const storage::Occurrence& o, ShownSoFar& shown,
                     const TextStyle& style) {
  std::size_t repeated = 0;
  std::set<std::int64_t> earlier_runs;
  for (const auto& e : o.evidence) {
    const auto key = std::make_pair(e.time.value_or(""), e.text);
    const auto [it, fresh] = shown.run_of_line.emplace(key, o.run_id);
    if (!fresh) {
      ++repeated;
      earlier_runs.insert(it->second);
      continue;
    }
    out += evidence_text(as_evidence(e), "    ", style);
  }
  if (repeated == 0) return;
  out += fmt::format("    {} {}evidence line{} as shown under run {}\n",
                     repeated == o.evidence.size() ? "the same" : fmt::format("{} more", repeated),
                     repeated == o.evidence.size() ? fmt::format("{} ", repeated) : "",
                     repeated == 1 ? "" : "s", fmt::join(earlier_runs, ", "));
}

std::string occurrence_text(const storage::Occurrence& o, ShownSoFar& shown,
                            const TextStyle& style) {
  std::string out = run_heading(o, shown);
  const std::string place =
      o.folded_under ? fmt::format("folded under {}", o.folded_under->substr(0, kShortFingerprint))
                     : fmt::format("rank {}", o.rank);
  std::string span;
  if (o.first_event) {
    span = o.last_event && *o.last_event != *o.first_event
               ? fmt::format(", {} .. {}", *o.first_event, *o.last_event)
               : fmt::format(", at {}", *o.first_event);
  }
  out += fmt::format("  {}, {}, confidence {:.2f}, {} event{}{}\n", place, o.severity, o.confidence,
                     o.count, o.count == 1 ? "" : "s", span);
  if (!o.facts.empty()) {
    std::string facts;
    for (const auto& [k, v] : o.facts)
      facts += fmt::format("{}{}={}", facts.empty() ? "" : ", ", k, v);
    out += fmt::format("  facts: {}\n", terminal_safe(facts));
  }
  append_evidence(out, o, shown, style);
  return out;
}

// "3" or "3 (2 re-read)": runs that read logs an earlier run had read are counted apart.
std::string runs_cell(const storage::IncidentRow& r) {
  if (r.rereads == 0) return std::to_string(r.runs);
  return fmt::format("{} ({} re-read)", r.runs, r.rereads);
}

}  // namespace

namespace {

// More than one host among the rows: the history is a fleet's, and the table names each
// row's host.
bool many_hosts(const std::vector<storage::IncidentRow>& rows) {
  std::set<std::string> hosts;
  for (const auto& r : rows) {
    if (!r.host.empty()) hosts.insert(r.host);
  }
  return hosts.size() > 1;
}

// "port_conflict on 3 hosts since 2026-11-24T10:00:03Z (gw-a, gw-b, gw-c)": one line per cause
// seen on more than one host, so a fleet-wide problem reads as one.
std::string causes_across_hosts(const std::vector<storage::IncidentRow>& rows) {
  std::map<std::string, std::set<std::string>> hosts;  // cause -> hosts
  std::map<std::string, std::string> since;            // cause -> earliest first seen
  for (const auto& r : rows) {
    if (r.host.empty()) continue;
    hosts[r.cause].insert(r.host);
    const std::string first = r.first_seen.value_or(r.first_run_at);
    auto [it, fresh] = since.emplace(r.cause, first);
    if (!fresh && first < it->second) it->second = first;
  }
  std::string out;
  for (const auto& [cause, names] : hosts) {
    if (names.size() < 2) continue;
    out += fmt::format("{} on {} hosts since {} ({})\n", cause, names.size(), since[cause],
                       terminal_safe(fmt::format("{}", fmt::join(names, ", "))));
  }
  return out;
}

}  // namespace

std::string incidents_text(const std::vector<storage::IncidentRow>& rows,
                           const std::string& db_path, bool db_exists) {
  if (!db_exists) {
    return fmt::format("No history yet at {} (logdx analyze records every run there).\n",
                       terminal_safe(db_path));
  }
  if (rows.empty()) return fmt::format("No incidents match in {}.\n", terminal_safe(db_path));
  const bool hosts = many_hosts(rows);
  std::vector<std::string> header{"FINGERPRINT", "CAUSE",      "SEVERITY",  "TIMES", "RUNS",
                                  "EVENTS",      "FIRST SEEN", "LAST SEEN", "TITLE"};
  if (hosts) header.insert(header.begin() + 1, "HOST");
  TextTable table(header, hosts ? 9 : 8);
  bool any_reread = false;
  for (const auto& r : rows) {
    any_reread = any_reread || r.rereads > 0;
    std::vector<std::string> row{r.fingerprint.substr(0, kShortFingerprint),
                                 r.cause,
                                 r.severity,
                                 std::to_string(r.episodes),
                                 runs_cell(r),
                                 std::to_string(r.events),
                                 or_dash(r.first_seen ? r.first_seen : r.first_seen_as_written),
                                 or_dash(r.last_seen ? r.last_seen : r.last_seen_as_written),
                                 r.title};
    if (hosts) row.insert(row.begin() + 1, r.host.empty() ? "-" : terminal_safe(r.host));
    table.add_row(row);
  }
  std::string out = hosts ? causes_across_hosts(rows) : std::string();
  if (!out.empty()) out += "\n";
  out += table.render(output_width());
  out += "TIMES: separate times it happened in the logs. RUNS: analyses that saw it";
  out += any_reread ? "; re-read: the same logs analysed again, not a new failure.\n" : ".\n";
  return out;
}

std::string incidents_json(const std::vector<storage::IncidentRow>& rows,
                           const std::string& db_path) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("schema").value("logdx.incidents/1").key("database").value(db_path);
  w.key("incidents").begin_array();
  for (const auto& r : rows) {
    w.begin_object();
    write_incident_fields(w, r);
    w.end_object();
  }
  w.end_array().end_object();
  out += '\n';
  return out;
}

std::string incident_text(const storage::IncidentDetail& detail, const TextStyle& style) {
  const storage::IncidentRow& r = detail.incident;
  std::string out = fmt::format("Incident {}: {} (rule {})\n  {}\n", r.fingerprint, r.cause, r.rule,
                                terminal_safe(r.title));
  out += fmt::format(
      "  latest {}, confidence {:.2f}; happened {} time{}, seen in {} run{}{} "
      "({} .. {}); {} event{}, {} distinct evidence line{}\n",
      r.severity, r.confidence, r.episodes, r.episodes == 1 ? "" : "s", r.runs,
      r.runs == 1 ? "" : "s",
      r.rereads > 0 ? fmt::format(" ({} of the same logs read again)", r.rereads) : std::string(),
      r.first_run_at, r.last_run_at, r.events, r.events == 1 ? "" : "s", r.evidence,
      r.evidence == 1 ? "" : "s");
  if (r.first_seen || r.first_seen_as_written) {
    out += fmt::format("  in the logs from {} to {}\n",
                       or_dash(r.first_seen ? r.first_seen : r.first_seen_as_written),
                       or_dash(r.last_seen ? r.last_seen : r.last_seen_as_written));
  }
  ShownSoFar shown;
  for (const auto& o : detail.occurrences) out += "\n" + occurrence_text(o, shown, style);
  if (!detail.occurrences.empty() && !detail.occurrences.back().fixes.empty()) {
    out += "\nFix (from the latest run):\n";
    for (const auto& f : detail.occurrences.back().fixes) out += fix_text(f, "  ", style);
  }
  return out;
}

std::string incident_json(const storage::IncidentDetail& detail) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("schema").value("logdx.incident/1");
  write_incident_fields(w, detail.incident);
  w.key("occurrences").begin_array();
  for (const auto& o : detail.occurrences) write_occurrence(w, o);
  w.end_array().end_object();
  out += '\n';
  return out;
}

namespace {

std::string history_command(const storage::RunRow& r) {
  std::string command = shown_command_line(r.command_line);
  if (r.same_inputs_as) command += fmt::format("  (same logs as run {})", *r.same_inputs_as);
  return command;
}

}  // namespace

std::string history_text(const std::vector<storage::RunRow>& runs, const std::string& db_path,
                         bool db_exists) {
  if (!db_exists) {
    return fmt::format("No history yet at {} (logdx analyze records every run there).\n",
                       terminal_safe(db_path));
  }
  if (runs.empty()) return fmt::format("No runs recorded in {}.\n", terminal_safe(db_path));
  TextTable table(
      {"RUN", "STARTED", "EXIT", "INPUTS", "EVENTS", "DIAGNOSES", "ROOT CAUSE", "COMMAND"}, 7);
  for (const auto& r : runs) {
    table.add_row({std::to_string(r.id), r.started_at, std::to_string(r.exit_code),
                   std::to_string(r.inputs.size()), std::to_string(r.events),
                   std::to_string(r.diagnoses), or_dash(r.root_cause), history_command(r)});
  }
  return table.render(output_width());
}

std::string history_json(const std::vector<storage::RunRow>& runs, const std::string& db_path) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("schema").value("logdx.history/1").key("database").value(db_path);
  w.key("runs").begin_array();
  for (const auto& r : runs) {
    w.begin_object().key("run").value(r.id).key("started").value(r.started_at);
    w.key("command_line").value(shown_command_line(r.command_line)).key("host").value(r.host);
    w.key("same_inputs_as");
    if (r.same_inputs_as) {
      w.value(*r.same_inputs_as);
    } else {
      w.null();
    }
    w.key("logdx_version").value(r.logdx_version).key("rules_version").value(r.rules_version);
    w.key("duration_ms").value(r.duration_ms).key("exit_code").value(r.exit_code);
    w.key("events").value(r.events).key("matched").value(r.matched);
    w.key("diagnoses").value(r.diagnoses);
    optional_value(w, "root_cause", r.root_cause);
    w.key("inputs").begin_array();
    for (const auto& in : r.inputs) {
      w.begin_object().key("path").value(in.path).key("size").value(in.size);
      w.key("content_hash").value(in.content_hash).key("parser").value(in.parser);
      w.key("lines").value(in.lines).key("events").value(in.events).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  out += '\n';
  return out;
}

}  // namespace logdx::cli
