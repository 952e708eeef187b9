#include "analysis_sarif.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "analysis_json.hpp"
#include "json_writer.hpp"

namespace logdx::cli {
namespace {

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kFingerprintKey = "logdxFingerprint/v1";

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::info:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
    case Severity::critical:
      return "error";
  }
  return "error";
}

using RuleIndex = std::map<std::string, int, std::less<>>;

void write_rules(JsonWriter& w, const RuleSet* rules, RuleIndex& index) {
  w.key("rules").begin_array();
  if (rules != nullptr) {
    for (const CompiledRule& r : rules->rules()) {
      index.emplace(r.id, static_cast<int>(index.size()));
      w.begin_object();
      w.key("id").value(r.id);
      w.key("name").value(r.cause);
      w.key("shortDescription").begin_object().key("text").value(r.title).end_object();
      w.key("defaultConfiguration").begin_object();
      w.key("level").value(sarif_level(r.severity)).end_object();
      w.key("properties").begin_object();
      w.key("cause").value(r.cause);
      w.key("severity").value(to_string(r.severity));
      w.key("tags").begin_array();
      for (const auto& tag : r.tags) w.value(tag);
      w.end_array();
      w.end_object();
      w.end_object();
    }
  }
  w.end_array();
}

void write_location(JsonWriter& w, const Evidence& e) {
  w.begin_object().key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object().key("uri").value(uri_reference(e.input)).end_object();
  if (e.line > 0) {
    w.key("region").begin_object().key("startLine").value(e.line);
    w.key("snippet").begin_object().key("text").value(e.text).end_object();
    w.end_object();
  }
  w.end_object();
  // The machine the line came from (a fleet's central store mixes many): SARIF locations
  // carry it in their property bag.
  if (!e.host.empty()) w.key("properties").begin_object().key("host").value(e.host).end_object();
  w.end_object();
}

void write_time(JsonWriter& w, const char* key, const Timestamp& time, const std::string& text) {
  const std::string value = iso_time(time, text);
  if (!value.empty()) w.key(key).value(value);
}

void write_result(JsonWriter& w, const Diagnosis& d, const RuleIndex& index,
                  const std::string& parent) {
  w.begin_object();
  w.key("ruleId").value(d.rule);
  if (const auto found = index.find(d.rule); found != index.end()) {
    w.key("ruleIndex").value(found->second);
  }
  w.key("level").value(sarif_level(d.severity));
  w.key("message").begin_object().key("text").value(d.title).end_object();
  w.key("locations").begin_array();
  for (const auto& e : d.evidence) write_location(w, e);
  w.end_array();
  w.key("partialFingerprints").begin_object().key(kFingerprintKey).value(d.fingerprint);
  w.end_object();
  if (d.count > 0) w.key("occurrenceCount").value(d.count);
  w.key("properties").begin_object();
  if (d.rank > 0) w.key("rank").value(d.rank);
  if (!parent.empty()) w.key("explainedBy").value(parent);
  w.key("cause").value(d.cause);
  if (!d.host.empty()) w.key("host").value(d.host);
  w.key("severity").value(to_string(d.severity));
  w.key("confidence").value(std::round(d.confidence * 100) / 100);
  write_time(w, "firstSeen", d.first_seen, d.first_seen_text);
  write_time(w, "lastSeen", d.last_seen, d.last_seen_text);
  w.key("facts").begin_object();
  for (const auto& [name, value] : d.facts) w.key(name).value(value);
  w.end_object();
  w.key("fixes").begin_array();
  for (const auto& f : d.fixes) write_fix(w, f);  // as -o json has them
  w.end_array();
  if (d.evidence_omitted > 0) w.key("evidenceOmitted").value(d.evidence_omitted);
  w.end_object();
  w.end_object();
}

// Roots first, each followed by what it explains (depth first), so a viewer that lists
// results in order reads cause then symptoms.
void write_results(JsonWriter& w, const std::vector<Diagnosis>& list, const RuleIndex& index,
                   const std::string& parent) {
  for (const auto& d : list) {
    write_result(w, d, index, parent);
    write_results(w, d.explains, index, d.fingerprint);
  }
}

}  // namespace

std::string uri_reference(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string analysis_sarif(const AnalysisReport& report) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("$schema").value(kSchema);
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("logdx");
  w.key("version").value(LOGDX_VERSION);
  w.key("semanticVersion").value(LOGDX_VERSION);
  RuleIndex index;
  write_rules(w, report.rules, index);
  w.end_object().end_object();
  w.key("results").begin_array();
  write_results(w, report.result.diagnoses, index, "");
  w.end_array();
  w.key("properties").begin_object();
  w.key("inputs").begin_array();
  for (const auto& in : report.inputs) {
    w.begin_object().key("path").value(in.input).key("parser").value(in.parser);
    w.key("lines").value(in.lines).end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object().end_array();
  w.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace logdx::cli
