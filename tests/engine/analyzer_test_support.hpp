#pragma once
// Shared helpers of the analyzer tests: rules from inline YAML, hand-made events with real
// looking times, and one call that runs the Analyzer over them.

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "logdx/engine/analyzer.hpp"
#include "logdx/engine/rule_loader.hpp"
#include "rule_test_support.hpp"

namespace logdx::testing {

inline RuleSet rules_from(const std::string& yaml) {
  auto loaded = RuleLoader().load_texts({{"t.yaml", yaml}});
  INFO(render_all(loaded.diagnostics));
  REQUIRE(loaded.ok());
  return std::move(*loaded.rules);
}

// Rule YAML pieces several analyzer tests share, written from the tools' own wording:
// - Node's lib/net.js (v12+): "listen EADDRINUSE: address already in use ADDRESS:PORT";
// - systemd v249+ src/core/service.c: "%s: Scheduled restart job, restart counter is at %u."
// A test joins them: rules_from(rules_yaml({eaddrinuse_rule("[restart_loop_systemd]"), ...})).
inline std::string eaddrinuse_rule(const std::string& explains = "") {
  std::string rule = R"(  - id: port-in-use
    cause: port_conflict
    severity: critical
    confidence: 0.9
    match: {regex: 'listen EADDRINUSE: address already in use [^\s]*:(?P<port>\d+)'}
    key: [port]
    fixes:
      - {command: 'ss -ltnp "sport = :{port}"'}
)";
  if (!explains.empty()) rule += "    explains: " + explains + "\n";
  return rule;
}

inline std::string systemd_restart_loop_rule() {
  return R"(  - id: unit-restart-loop
    cause: restart_loop_systemd
    severity: critical
    confidence: 0.9
    match: {regex: '^(?P<unit>[\w@.-]+\.service): Scheduled restart job, restart counter is at (?P<restart_counter>\d+)\.'}
    key: [unit]
    correlate:
      threshold: {count: 3, within: 15m, group_by: [unit]}
)";
}

inline std::string rules_yaml(const std::vector<std::string>& rules) {
  std::string yaml = "logdx_rules: 1\nrules:\n";
  for (const std::string& rule : rules) yaml += rule;
  return yaml;
}

// An event at an ISO-8601 time ("" = no time), with its input and line.
struct EventSpec {
  // A constructor, not an aggregate: tests write {time, message} and the rest defaults
  // (partial aggregate initialisers would trip -Wmissing-field-initializers).
  EventSpec(std::string time_text, std::string message_text, std::size_t input_index = 0,
            std::uint64_t line_number = 0, SourceKind kind = SourceKind::gateway)
      : time(std::move(time_text)),
        message(std::move(message_text)),
        input(input_index),
        line(line_number),
        source(kind) {}

  // Envelope members, as a journal or pm2 parser would fill them: spec.on("oc-gw-01",
  // "api.service", "node", 2301).
  EventSpec& on(std::string host_name, std::string unit_name, std::string process_name = {},
                std::optional<std::int64_t> process_id = std::nullopt) {
    host = std::move(host_name);
    unit = std::move(unit_name);
    process = std::move(process_name);
    pid = process_id;
    return *this;
  }
  EventSpec& of_app(std::string app_name) {
    app = std::move(app_name);
    return *this;
  }

  std::string time;
  std::string message;
  std::size_t input = 0;
  std::uint64_t line = 0;
  SourceKind source = SourceKind::gateway;
  std::string host;
  std::string unit;
  std::string app;
  std::string process;
  std::optional<std::int64_t> pid;
};

inline Event make_event(const EventSpec& spec) {
  Event event;
  if (!spec.time.empty()) {
    const std::optional<Timestamp> time = parse_iso8601(spec.time);
    REQUIRE(time.has_value());
    event.time = *time;
    event.time_text = spec.time;
  }
  event.message = spec.message;
  event.raw = spec.time.empty() ? spec.message : spec.time + " " + spec.message;
  event.source = spec.source;
  event.host = spec.host;
  event.unit = spec.unit;
  event.app = spec.app;
  event.process = spec.process;
  event.pid = spec.pid;
  event.where.input = "input-" + std::to_string(spec.input) + ".log";
  event.where.line = spec.line;
  return event;
}

// Feeds the events in the order given; lines default to their position in the list.
inline AnalysisResult analyze(const RuleSet& rules, std::vector<EventSpec> specs,
                              AnalyzerOptions options = {}) {
  Analyzer analyzer(rules, options);
  std::uint64_t position = 0;
  for (EventSpec& spec : specs) {
    ++position;
    if (spec.line == 0) spec.line = position;
    analyzer.add(make_event(spec), spec.input);
  }
  return analyzer.finish();
}

// The diagnosis of a rule anywhere in the tree (roots and folded symptoms), or nullptr.
inline const Diagnosis* find_rule(const std::vector<Diagnosis>& list, const std::string& rule) {
  for (const Diagnosis& d : list) {
    if (d.rule == rule) return &d;
    if (const Diagnosis* inner = find_rule(d.explains, rule)) return inner;
  }
  return nullptr;
}

inline std::string fact(const Diagnosis& d, const std::string& name) {
  for (const auto& [key, value] : d.facts) {
    if (key == name) return value;
  }
  return "<no fact " + name + ">";
}

}  // namespace logdx::testing
