// `rules list` and the pieces every `rules` subcommand prints: diagnostics and did-you-mean.

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "json_writer.hpp"
#include "logdx/engine/edit_distance.hpp"
#include "rules_views.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

struct Row {
  std::string id;
  std::string cause;
  std::string severity;
  std::string origin;
  bool enabled = true;
};

// Severity when the rule does not say is the compiler's default (docs: error).
std::string severity_text(const RuleDef& def) {
  return std::string(to_string(def.severity ? def.severity->value : Severity::error));
}

Row row_of(const CollectedRule& rule) {
  const RuleDef& def = rule.def;
  return {terminal_safe(def.id.value), terminal_safe(def.cause ? def.cause->value : "-"),
          severity_text(def), terminal_safe(fmt::format("{}:{}", def.at.file.view(), def.at.line)),
          rule.enabled};
}

}  // namespace

void print_rule_table(const RuleCollection& rules) {
  std::vector<Row> rows;
  for (const CollectedRule& rule : rules.rules) rows.push_back(row_of(rule));
  std::size_t w_id = 2;  // the headers' widths
  std::size_t w_cause = 5;
  std::size_t w_origin = 6;
  for (const Row& r : rows) {
    w_id = std::max(w_id, r.id.size());
    w_cause = std::max(w_cause, r.cause.size());
    w_origin = std::max(w_origin, r.origin.size());
  }
  fmt::print("{:<{}}  {:<{}}  {:<8}  {:<{}}  {}\n", "ID", w_id, "CAUSE", w_cause, "SEVERITY",
             "ORIGIN", w_origin, "ENABLED");
  for (const Row& r : rows) {
    fmt::print("{:<{}}  {:<{}}  {:<8}  {:<{}}  {}\n", r.id, w_id, r.cause, w_cause, r.severity,
               r.origin, w_origin, r.enabled ? "yes" : "no");
  }
  fmt::print("{} rule{}\n", rows.size(), rows.size() == 1 ? "" : "s");
}

void print_rule_list_json(const RuleCollection& rules) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const CollectedRule& rule : rules.rules) {
    const RuleDef& def = rule.def;
    w.begin_object();
    w.key("id").value(def.id.value);
    if (def.cause) {
      w.key("cause").value(def.cause->value);
    } else {
      w.key("cause").null();
    }
    w.key("severity").value(severity_text(def));
    w.key("title").value(def.title ? def.title->value : "");
    w.key("file").value(def.at.file.view());
    w.key("line").value(def.at.line);
    w.key("enabled").value(rule.enabled);
    w.key("tags").begin_array();
    if (def.tags) {
      for (const LocatedString& tag : *def.tags) w.value(tag.value);
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  fmt::print("{}\n", out);
}

void print_diagnostics(std::FILE* to, const std::vector<RuleDiagnostic>& diagnostics) {
  bool first = true;
  for (const RuleDiagnostic& d : diagnostics) {
    // The snippet quotes the file as written: a hostile rule file is no terminal escape.
    fmt::print(to, "{}{}\n", first ? "" : "\n", terminal_safe(d.render_text(), true));
    first = false;
  }
}

std::string suggest_rule_id(std::string_view id, const RuleCollection& rules) {
  const CollectedRule* best = nullptr;
  std::size_t best_distance = 0;
  for (const CollectedRule& rule : rules.rules) {
    const std::string& candidate = rule.def.id.value;
    std::size_t distance = edit_distance(id, candidate);
    // A word of the id alone ("port-in-use" for "gateway-port-in-use") is close too.
    if (id.size() >= 4 && candidate.find(id) != std::string::npos) {
      distance = std::min<std::size_t>(distance, 1);
    }
    if (best == nullptr || distance < best_distance) {
      best = &rule;
      best_distance = distance;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, id.size() / 3);
  if (best == nullptr || best_distance > limit) return {};
  return fmt::format("; did you mean '{}'?", terminal_safe(best->def.id.value));
}

}  // namespace logdx::cli
