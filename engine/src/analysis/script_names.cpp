#include "analysis/script_names.hpp"

#include <algorithm>
#include <tuple>

#include "analysis/link_profile.hpp"

namespace logdx::analysis {
namespace {

// How far below a table's app line its script line may be: pm2 describe puts `script path`
// 3 (2.x) to 5 (5.x) rows below `name`, 8 lines below its heading (the top border between).
constexpr std::uint64_t kTableRows = 12;

// The last app-only line of one rule in one input: the `name` row a `script path` row of
// the same table follows.
struct TableApp {
  std::uint32_t rule = 0;
  std::uint32_t input = 0;
  std::uint64_t line = 0;
  std::string app;
};

std::string_view capture(const Hit& hit, std::string_view name) {
  std::string_view value;
  return hit.captures.find(name, value) ? value : std::string_view{};
}

}  // namespace

ScriptNames::ScriptNames(const std::vector<std::uint32_t>& alias_hits, const KeptEvents& events,
                         const KeptHits& hits) {
  // In line order per input: a table's app line comes before its script line.
  std::vector<std::uint32_t> order = alias_hits;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const MatchedEvent& ea = events[hits[a].event];
    const MatchedEvent& eb = events[hits[b].event];
    return std::tie(ea.input_index, ea.line, a) < std::tie(eb.input_index, eb.line, b);
  });
  std::vector<TableApp> tables;
  for (std::uint32_t h : order) {
    const Hit& hit = hits[h];
    const MatchedEvent& event = events[hit.event];
    const std::string_view script = capture(hit, "script");
    const std::string_view app = capture(hit, "app");
    auto table = std::find_if(tables.begin(), tables.end(), [&](const TableApp& t) {
      return t.rule == hit.rule && t.input == event.input_index;
    });
    if (script.empty()) {
      if (app.empty()) continue;
      app_lines_.push_back(AppLine{event.input_index, event.line, std::string(app)});
      if (table == tables.end()) {
        tables.push_back(TableApp{hit.rule, event.input_index, event.line, std::string(app)});
      } else {
        table->line = event.line;
        table->app = std::string(app);
      }
    } else if (!app.empty()) {
      tie(script, app);
    } else if (table != tables.end() && event.line >= table->line &&
               event.line - table->line <= kTableRows) {
      tie(script, table->app);
    } else if (!event.app().empty()) {
      // pm2's `ID|NAME |` prefix on the app's own output: the line is that app's.
      tie(script, event.app());
    }
  }
}

void ScriptNames::tie(std::string_view script, std::string_view app) {
  std::string name = normalise_subject_name(app);
  if (name.empty()) return;
  std::vector<std::string>& apps = apps_[std::string(script)];
  if (std::find(apps.begin(), apps.end(), name) == apps.end()) apps.push_back(std::move(name));
}

const std::string* ScriptNames::app_of(std::string_view script) const {
  const auto it = apps_.find(std::string(script));
  if (it == apps_.end() || it->second.size() != 1) return nullptr;
  return &it->second.front();
}

const std::string* ScriptNames::app_beside(std::uint32_t input, std::uint64_t line) const {
  const std::string* best = nullptr;
  std::uint64_t best_distance = kTableRows + 1;
  for (const AppLine& at : app_lines_) {
    if (at.input != input) continue;
    const std::uint64_t distance = at.line > line ? at.line - line : line - at.line;
    if (distance > kTableRows || distance > best_distance) continue;
    if (distance == best_distance && best != nullptr &&
        normalise_subject_name(*best) != normalise_subject_name(at.app)) {
      best = nullptr;  // two apps as near: neither
      continue;
    }
    if (distance < best_distance) best = &at.app;
    best_distance = distance;
  }
  return best;
}

const std::string* ScriptNames::table_app_of(const Draft& draft, const CompiledRule& rule,
                                             const KeptEvents& events,
                                             const KeptHits& hits) const {
  const auto& names = rule.capture_names;
  if (draft.hits.empty() || std::find(names.begin(), names.end(), "app") == names.end()) {
    return nullptr;
  }
  if (const std::string* app = find_capture(draft.captures, "app"); app && !app->empty()) {
    return nullptr;
  }
  const std::string* found = nullptr;
  for (std::uint32_t h : draft.hits) {
    const MatchedEvent& event = events[hits[h].event];
    const std::string* app = app_beside(event.input_index, event.line);
    if (app == nullptr) return nullptr;
    if (found != nullptr && normalise_subject_name(*found) != normalise_subject_name(*app)) {
      return nullptr;
    }
    found = app;
  }
  return found;
}

}  // namespace logdx::analysis
