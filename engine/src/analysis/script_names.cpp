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

}  // namespace logdx::analysis
