#include "analysis_json.hpp"

#include <cmath>

#include "json_writer.hpp"

namespace logdx::cli {
namespace {

void write_time(JsonWriter& w, const char* key, const Timestamp& time, const std::string& text) {
  const std::string value = contract_time(time, text);
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.value(value);
  }
}

void write_diagnosis(JsonWriter& w, const Diagnosis& d) {
  w.begin_object();
  if (d.rank > 0) w.key("rank").value(d.rank);
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
  for (const auto& f : d.fixes) {
    w.begin_object().key("command").value(f.command).key("why").value(f.why).end_object();
  }
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
  return analysis_json(AnalysisReport{result, inputs, {}, nullptr, nullptr, false});
}

std::string analysis_json(const AnalysisReport& report) {
  const AnalysisResult& result = report.result;
  const std::vector<InputSummary>& inputs = report.inputs;
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("schema").value("logdx.analysis/1");
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
