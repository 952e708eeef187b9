#include "logdx/engine/condition_eval.hpp"

#include <algorithm>

namespace logdx {
namespace {

void set_capture(Captures& captures, const std::string& name, std::string_view value) {
  for (auto& [key, existing] : captures) {
    if (key == name) {
      existing = std::string(value);
      return;
    }
  }
  captures.emplace_back(name, std::string(value));
}

const std::string* find_capture(const Captures& captures, std::string_view name) {
  for (const auto& [key, value] : captures) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool search(const RE2& re, std::string_view text, Captures& captures) {
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(groups) + 1);
  const re2::StringPiece input(text.data(), text.size());
  if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, pieces.data(), groups + 1)) return false;
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& piece = pieces[static_cast<std::size_t>(index)];
    if (piece.data() != nullptr) set_capture(captures, name, {piece.data(), piece.size()});
  }
  return true;
}

bool field_value_holds(const CompiledCondition& condition, const Event& event, Captures& captures) {
  const auto text = event_field(event, condition.field);
  if (!text) return false;
  if (std::find(condition.values.begin(), condition.values.end(), *text) !=
      condition.values.end()) {
    return true;
  }
  return condition.re && search(condition.re->get(), *text, captures);
}

}  // namespace

std::optional<std::string_view> event_field(const Event& event, std::string_view field) {
  if (field.empty() || field == "message") return event.message;
  if (field == "raw") return event.raw;
  if (field == "host") return event.host;
  if (field == "unit") return event.unit;
  if (field == "app") return event.app;
  if (field == "process") return event.process;
  if (field == "subsystem") return event.subsystem;
  if (field.starts_with("fields.")) return event.field(field.substr(7));
  return std::nullopt;
}

bool evaluate_condition(const CompiledCondition& condition, const Event& event,
                        Captures& captures) {
  using Kind = Condition::Kind;
  switch (condition.kind) {
    case Kind::regex: {
      const auto text = event_field(event, condition.field);
      return text && search(condition.re->get(), *text, captures);
    }
    case Kind::any:
      for (const CompiledCondition& child : condition.children) {
        Captures trial = captures;
        if (evaluate_condition(child, event, trial)) {
          captures = std::move(trial);
          return true;
        }
      }
      return false;
    case Kind::all: {
      Captures trial = captures;
      for (const CompiledCondition& child : condition.children) {
        if (!evaluate_condition(child, event, trial)) return false;
      }
      captures = std::move(trial);
      return true;
    }
    case Kind::negate: {
      Captures ignored = captures;
      return !evaluate_condition(condition.children.front(), event, ignored);
    }
    case Kind::source:
      return std::find(condition.sources.begin(), condition.sources.end(), event.source) !=
             condition.sources.end();
    case Kind::field_value:
      return field_value_holds(condition, event, captures);
    case Kind::pid_capture: {
      const std::string* value = find_capture(captures, condition.capture);
      return event.pid && value && std::to_string(*event.pid) == *value;
    }
    case Kind::level:
      return event.level >= condition.at_least;
  }
  return false;
}

bool rule_matches(const CompiledRule& rule, const Event& event, Captures& captures) {
  return evaluate_condition(rule.match, event, captures);
}

}  // namespace logdx
