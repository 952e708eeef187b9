#include "event_json.hpp"

#include "json_writer.hpp"

namespace logdx::cli {
namespace {

std::string_view kind_name(TimeKind kind) {
  switch (kind) {
    case TimeKind::utc: return "utc";
    case TimeKind::local: return "local";
    case TimeKind::monotonic: return "monotonic";
    case TimeKind::none: break;
  }
  return "none";
}

std::string_view precision_name(TimePrecision p) {
  switch (p) {
    case TimePrecision::seconds: return "s";
    case TimePrecision::millis: return "ms";
    case TimePrecision::micros: return "us";
    case TimePrecision::nanos: return "ns";
    case TimePrecision::none: break;
  }
  return "none";
}

void optional_string(JsonWriter& w, std::string_view key, std::string_view value) {
  if (!value.empty()) w.key(key).value(value);
}

}  // namespace

void append_event_json(std::string& out, const Event& e) {
  JsonWriter w(out);
  w.begin_object();
  w.key("input").value(e.where.input);
  w.key("line").value(e.where.line);
  if (e.where.line_count > 1) w.key("lines").value(static_cast<std::uint64_t>(e.where.line_count));
  w.key("offset").value(e.where.byte_offset);
  w.key("parser").value(e.parser);
  if (!e.envelopes.empty()) {
    w.key("envelopes").begin_array();
    for (const auto& name : e.envelopes) w.value(name);
    w.end_array();
  }
  if (e.time.has_value()) {
    w.key("time").value(format_timestamp(e.time));
    w.key("time_kind").value(kind_name(e.time.kind));
    w.key("time_precision").value(precision_name(e.time.precision));
    if (e.time.year_inferred) w.key("year_inferred").value(true);
  }
  optional_string(w, "time_text", e.time_text);
  w.key("source").value(to_string(e.source));
  optional_string(w, "host", e.host);
  optional_string(w, "unit", e.unit);
  optional_string(w, "app", e.app);
  optional_string(w, "process", e.process);
  if (e.pid) w.key("pid").value(*e.pid);
  if (e.level != Level::unknown) w.key("level").value(to_string(e.level));
  optional_string(w, "subsystem", e.subsystem);
  w.key("message").value(e.message);
  if (!e.fields.empty()) {
    w.key("fields").begin_object();
    for (const auto& [k, v] : e.fields) w.key(k).value(v);
    w.end_object();
  }
  w.end_object();
}

}  // namespace logdx::cli
