#include "analysis_json.hpp"

#include <cmath>

#include "json_writer.hpp"
#include "version_text.hpp"

namespace logdx::cli {
namespace {

std::string_view time_kind(const Timestamp& t) {
  switch (t.kind) {
    case TimeKind::utc:
      return "utc";
    case TimeKind::local:
      return "local";
    case TimeKind::monotonic:
      return "since_boot";
    case TimeKind::none:
      break;
  }
  return "as_written";
}

// Every time is `KEY` (ISO-8601: UTC with Z, a local wall-clock time without a zone, seconds
// since boot as a duration "PT12.5S", else the text as written), `KEY_kind` (utc, local,
// since_boot, as_written), `KEY_as_written` (the stamp in the log) and `KEY_year_inferred`
// (true when the log gave no year: syslog). `KEY` is null only when there is no time at all.
void write_time(JsonWriter& w, const std::string& key, const Timestamp& t,
                const std::string& as_written) {
  w.key(key);
  if (!t.has_value() && as_written.empty()) {
    w.null();
    return;
  }
  w.value(iso_time(t, as_written));
  w.key(key + "_kind").value(time_kind(t));
  if (!as_written.empty()) w.key(key + "_as_written").value(as_written);
  if (t.year_inferred) w.key(key + "_year_inferred").value(true);
}

}  // namespace

std::string iso_time(const Timestamp& t, const std::string& as_written) {
  if (t.kind == TimeKind::monotonic) return "PT" + format_timestamp(t) + "S";
  if (t.has_value()) return format_timestamp(t);
  return as_written;
}

// `command` repeats a shell fix's text, so scripts of schema 1 that read it keep working.
void write_fix(JsonWriter& w, const RenderedFix& f) {
  w.begin_object().key("kind").value(to_string(f.kind)).key("text").value(f.text);
  if (f.kind == FixKind::shell) w.key("command").value(f.text);
  if (f.kind == FixKind::config) w.key("file").value(f.file);
  w.key("why").value(f.why);
  if (!f.shown_under.empty()) {
    w.key("shown_under").begin_object().key("fingerprint").value(f.shown_under);
    w.key("rule").value(f.shown_under_rule).end_object();
  }
  w.end_object();
}

namespace {

// A host as JSON: the name, or null when the lines named none.
void write_host_name(JsonWriter& w, const std::string& host) {
  w.key("host");
  if (host.empty()) {
    w.null();
  } else {
    w.value(host);
  }
}

void write_diagnosis(JsonWriter& w, const Diagnosis& d) {
  w.begin_object();
  if (d.rank > 0) w.key("rank").value(d.rank);
  write_host_name(w, d.host);
  w.key("cause").value(d.cause);
  w.key("rule").value(d.rule);
  w.key("severity").value(to_string(d.severity));
  w.key("confidence").value(std::round(d.confidence * 100) / 100);
  w.key("title").value(d.title);
  w.key("facts").begin_object();
  for (const auto& [name, value] : d.facts) w.key(name).value(value);
  w.end_object();
  w.key("count").value(d.count);
  write_time(w, "first_seen", d.first_seen, d.first_seen_text);
  write_time(w, "last_seen", d.last_seen, d.last_seen_text);
  w.key("evidence").begin_array();
  for (const auto& e : d.evidence) {
    w.begin_object();
    w.key("input").value(e.input);
    w.key("line").value(e.line);
    // The line the rule matched: `line` is where a multi-line record (a kernel OOM report, a
    // stack trace) starts, and an editor or a script wants the decisive line itself.
    w.key("matched_line").value(e.matched_line());
    write_host_name(w, e.host);
    write_time(w, "time", e.time, e.time_text);
    w.key("text").value(e.text);
    w.end_object();
  }
  w.end_array();
  if (d.evidence_omitted > 0) w.key("evidence_omitted").value(d.evidence_omitted);
  if (!d.notes.empty()) {
    w.key("notes").begin_array();
    for (const auto& note : d.notes) w.value(note);
    w.end_array();
  }
  w.key("fixes").begin_array();
  for (const auto& f : d.fixes) write_fix(w, f);
  w.end_array();
  w.key("explains").begin_array();
  for (const auto& folded : d.explains) write_diagnosis(w, folded);
  w.end_array();
  if (!d.related.empty()) {  // only when there is one: most reports have none
    w.key("related").begin_array();
    for (const auto& r : d.related) {
      w.begin_object().key("rule").value(r.rule).key("cause").value(r.cause);
      w.key("fingerprint").value(r.fingerprint).end_object();
    }
    w.end_array();
  }
  w.key("incident").begin_object().key("fingerprint").value(d.fingerprint);
  if (d.seen_before) {
    w.key("seen_before").value(d.seen_before->count);
    if (d.seen_before->count > 0) w.key("first_run").value(d.seen_before->first_at);
  }
  w.end_object();
  w.end_object();
}

// Every host the events named, with its worst finding (null: healthy) and how many it has.
void write_hosts(JsonWriter& w, const AnalysisResult& result) {
  w.key("hosts").begin_array();
  for (const HostSummary& h : result.hosts) {
    w.begin_object().key("host").value(h.host).key("events").value(h.events);
    const Diagnosis* worst = nullptr;
    std::uint64_t findings = 0;
    for (const Diagnosis& d : result.diagnoses) {
      if (d.host != h.host) continue;
      if (worst == nullptr) worst = &d;
      ++findings;
    }
    w.key("findings").value(findings);
    w.key("worst");
    if (worst == nullptr) {
      w.null();
    } else {
      w.begin_object().key("rule").value(worst->rule).key("cause").value(worst->cause);
      w.key("severity").value(to_string(worst->severity));
      w.key("fingerprint").value(worst->fingerprint).end_object();
    }
    w.end_object();
  }
  w.end_array();
}

void write_timeline(JsonWriter& w, const std::vector<TimelineEntry>& timeline) {
  w.key("timeline").begin_array();
  for (const auto& e : timeline) {
    w.begin_object();
    write_time(w, "time", e.time, e.time_text);
    w.key("input").value(e.input);
    w.key("line").value(e.line);
    w.key("cause");
    if (e.in_finding) {
      w.value(e.cause);
    } else {
      w.null();  // a lone start or exit: no finding, no cause
    }
    w.key("in_finding").value(e.in_finding);
    w.key("rule").value(e.rule);
    w.key("severity").value(to_string(e.severity));
    w.key("message").value(e.message);
    w.end_object();
  }
  w.end_array();
}

void write_host(JsonWriter& w, const host::HostReport& host) {
  w.key("host").begin_array();
  for (const auto& c : host.checks) {
    w.begin_object();
    w.key("check").value(c.name);
    w.key("status").value(host::to_string(c.status));
    w.key("summary").value(c.summary);
    w.key("facts").begin_object();
    for (const auto& [name, value] : c.facts) w.key(name).value(value);
    w.end_object();
    if (c.bearing != host::Bearing::none) {
      w.key("bearing").value(host::to_string(c.bearing));
      w.key("cause").value(c.cause);
    }
    w.end_object();
  }
  w.end_array();
}

// What was read, as the text report's last line says it: inputs, lines, events, the span of the
// events' times, what was left out and why, and `empty`: null when something was analysed, else
// why nothing was (the text report's verdict instead of "No problem found"), so a script that
// reads stdout alone does not take an empty read for a clean log.
void write_read_summary(JsonWriter& w, const std::vector<InputSummary>& inputs,
                        const ReadStats& stats, const ReadVerdict& verdict) {
  std::uint64_t lines = 0, events = 0, lines_cut = 0, skipped = 0, failed = 0;
  for (const auto& in : inputs) {
    lines += in.lines;
    events += in.events;
    lines_cut += in.lines_cut;
    skipped += in.skipped ? 1 : 0;
    failed += in.failed ? 1 : 0;
  }
  w.key("read").begin_object();
  w.key("inputs").value(static_cast<std::uint64_t>(inputs.size()));
  w.key("lines").value(lines).key("events").value(events);
  write_time(w, "first", stats.first, stats.first_text);
  write_time(w, "last", stats.last, stats.last_text);
  w.key("left_out").begin_object();
  w.key("events_outside_since_until").value(stats.outside_window);
  w.key("inputs_skipped_as_binary").value(skipped);
  w.key("inputs_not_read_to_the_end").value(failed);
  w.key("long_lines_cut").value(lines_cut);
  w.end_object();
  w.key("empty");
  if (verdict.kind == EmptyRead::none) {
    w.null();
  } else {
    w.begin_object().key("reason").value(to_string(verdict.kind));
    w.key("message").value(verdict.message).end_object();
  }
  w.end_object();
}

// The notes, warnings and errors about inputs that stderr shows (a missing file, an unreadable
// one), so a script reading only stdout sees them too.
void write_input_problems(JsonWriter& w, const std::vector<InputProblem>* problems) {
  w.key("input_errors").begin_array();
  if (problems != nullptr) {
    for (const auto& p : *problems) {
      w.begin_object().key("severity").value(p.severity).key("input").value(p.input);
      if (p.line > 0) w.key("line").value(p.line);
      w.key("message").value(p.message).end_object();
    }
  }
  w.end_array();
}

}  // namespace

std::string follow_json_line(std::string_view change, const Diagnosis& diagnosis) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("schema").value("logdx.follow/1").key("change").value(change);
  w.key("diagnosis");
  write_diagnosis(w, diagnosis);
  w.end_object();
  out.push_back('\n');
  return out;
}

std::string analysis_json(const AnalysisResult& result, const std::vector<InputSummary>& inputs) {
  return analysis_json(AnalysisReport{result, inputs, {}, nullptr, nullptr, false, nullptr, 0, {}});
}

std::string analysis_json(const AnalysisReport& report) {
  const AnalysisResult& result = report.result;
  const std::vector<InputSummary>& inputs = report.inputs;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("schema").value(kAnalysisSchema);
  w.key("logdx_version").value(LOGDX_VERSION);
  write_read_summary(w, inputs, report.stats, report.nothing_read);
  write_input_problems(w, report.problems);
  w.key("inputs").begin_array();
  for (const auto& in : inputs) {
    w.begin_object();
    w.key("path").value(in.input);
    w.key("parser").value(in.parser);
    w.key("lines").value(in.lines);
    w.key("events").value(in.events);
    if (in.skipped) w.key("skipped").value(true);
    if (in.failed) w.key("failed").value(true);
    w.end_object();
  }
  w.end_array();
  write_hosts(w, result);
  w.key("diagnoses").begin_array();
  for (const auto& d : result.diagnoses) write_diagnosis(w, d);
  w.end_array();
  if (!result.notes.empty()) {
    w.key("notes").begin_array();
    for (const auto& n : result.notes) w.value(n.message);
    w.end_array();
  }
  if (report.timeline) write_timeline(w, result.timeline);
  if (report.host != nullptr) write_host(w, *report.host);
  w.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace logdx::cli
