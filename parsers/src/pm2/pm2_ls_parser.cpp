// `pm2 ls` / `pm2 start` output: a box table (one record per app row, borders and the header
// skipped; the header names the columns, which differ between pm2 versions and terminal widths),
// the `host metrics | ...` footer (skipped) and pm2's `[PM2] ...` / `[PM2][WARN] ...` CLI lines.
// Rows may arrive with their outer `│ ... │` frame already removed by the reader.

#include <array>
#include <string_view>
#include <vector>

#include "pm2/pm2_common.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

const ParserInfo kLsInfo{"pm2-ls", "`pm2 ls` table rows (id, name, mode, ↺, status, cpu, mem)",
                         SourceKind::pm2, 55, false};

constexpr std::string_view kBar = "\u2502";  // │

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Cells between the bars, outer frame optional.
std::vector<std::string_view> split_cells(std::string_view line) {
  line = trim(line);
  if (starts_with(line, kBar)) line.remove_prefix(kBar.size());
  if (line.size() >= kBar.size() && line.substr(line.size() - kBar.size()) == kBar) {
    line.remove_suffix(kBar.size());
  }
  std::vector<std::string_view> cells;
  std::size_t pos = 0;
  while (true) {
    const auto bar = line.find(kBar, pos);
    cells.push_back(trim(line.substr(pos, bar == std::string_view::npos ? bar : bar - pos)));
    if (bar == std::string_view::npos) break;
    pos = bar + kBar.size();
  }
  return cells;
}

// Borders (┌──┬──┐, ├──┼──┤, └──┴──┘) start with a box-drawing character (U+25xx, bytes E2 94)
// and, unlike rows, hold no │. A terminal may cut them mid-character: still a border.
bool is_border(std::string_view line) {
  line = trim(line);
  return line.size() >= 3 && line.substr(0, 2) == "\xe2\x94" &&
         line.find(kBar) == std::string_view::npos;
}

// Header word -> field name ("" = the app name column).
std::string_view column_field(std::string_view header) {
  struct Column {
    std::string_view header, field;
  };
  static constexpr std::array<Column, 16> kColumns = {{
      {"id", "pm_id"},
      {"name", ""},
      {"App name", ""},
      {"module", ""},
      {"namespace", "namespace"},
      {"version", "version"},
      {"mode", "mode"},
      {"pid", "pid"},
      {"uptime", "uptime"},
      {"\u21ba", "restarts"},
      {"restart", "restarts"},
      {"status", "status"},
      {"cpu", "cpu"},
      {"mem", "memory"},
      {"memory", "memory"},
      {"user", "user"},
  }};
  for (const auto& c : kColumns) {
    if (c.header == header) return c.field;
  }
  if (header == "watching") return "watching";
  return "?";
}

bool known_status(std::string_view status) {
  for (std::string_view s : {"online", "stopped", "stopping", "errored", "launching", "waiting",
                             "one-launch-status", "waiting restart"}) {
    if (starts_with(status, s)) return true;
  }
  return false;
}

class LsParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kLsInfo; }
  void reset() override { columns_.clear(); }

  // A table line holds box drawing (U+2500 block, 0xE2 first); the others are named. Only a
  // header row changes state, and it holds the bar.
  bool may_start(std::string_view line) const override {
    return line.find('\xE2') != std::string_view::npos || starts_with(line, "host metrics | ") ||
           starts_with(line, "[PM2]");
  }
  // A box-drawing byte anywhere, "host metrics | " (its '|'), or "[PM2]".
  StartBytes start_bytes() const override { return StartBytes{}.add("[").add_held("\xE2|"); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    if (is_border(line)) return LineVerdict::skip;
    if (starts_with(line, "host metrics | ")) return LineVerdict::skip;
    if (starts_with(line, "[PM2]")) return parse_cli(line, event);
    if (line.find(kBar) == std::string_view::npos) return LineVerdict::no_match;
    const auto cells = split_cells(line);
    if (cells.size() < 5) return LineVerdict::no_match;
    if (cells[0] == "id" || cells[0] == "App name") {
      columns_.clear();
      for (auto cell : cells) columns_.emplace_back(column_field(cell));
      return LineVerdict::skip;
    }
    return parse_row(line, cells, event);
  }

 private:
  LineVerdict parse_row(std::string_view line, const std::vector<std::string_view>& cells,
                        Event& event) const {
    const std::vector<std::string_view> columns =
        columns_.empty() ? default_columns(cells.size()) : columns_;
    if (columns.size() != cells.size()) return LineVerdict::no_match;
    std::string_view app, status;
    bool has_id = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (columns[i].empty()) app = cells[i];
      if (columns[i] == "status") status = cells[i];
      if (columns[i] == "pm_id") {
        has_id =
            !cells[i].empty() && cells[i].find_first_not_of("0123456789") == std::string_view::npos;
      }
    }
    if (!has_id || app.empty() || !known_status(status)) return LineVerdict::no_match;
    set_daemon_identity(event);
    event.app.assign(app);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!columns[i].empty() && columns[i] != "?") event.set_field(columns[i], cells[i]);
    }
    event.message.assign(trim(line));
    return LineVerdict::record;
  }

  // Without a header (a pasted row): pm2 5+'s wide table or the narrow one.
  static std::vector<std::string_view> default_columns(std::size_t count) {
    static constexpr std::array<std::string_view, 13> kWide = {
        "pm_id",    "",       "namespace", "version", "mode", "pid",     "uptime",
        "restarts", "status", "cpu",       "memory",  "user", "watching"};
    static constexpr std::array<std::string_view, 7> kNarrow = {
        "pm_id", "", "mode", "restarts", "status", "cpu", "memory"};
    if (count == kWide.size()) return {kWide.begin(), kWide.end()};
    if (count == kNarrow.size()) return {kNarrow.begin(), kNarrow.end()};
    return {};
  }

  // `[PM2] Spawning PM2 daemon ...`, `[PM2][WARN] ...`, `[PM2][ERROR] ...`.
  static LineVerdict parse_cli(std::string_view line, Event& event) {
    std::string_view rest = line.substr(5);
    if (starts_with(rest, "[")) {
      const auto close = rest.find(']');
      if (close == std::string_view::npos) return LineVerdict::no_match;
      event.level = level_from_string(rest.substr(1, close - 1));
      rest.remove_prefix(close + 1);
    }
    if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    set_daemon_identity(event);
    event.message.assign(rest);
    annotate_daemon_message(rest, event);
    return LineVerdict::record;
  }

  std::vector<std::string_view> columns_;  // field per column, views of constants
};

}  // namespace

void register_ls_parser(ParserRegistry& registry) {
  registry.add(kLsInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<LsParser>();
  });
}

}  // namespace logdx::pm2
