// `logdx query "SELECT ..."`: read-only SQL on the history (docs/storage.md has the schema).
// The connection is opened read-only with query_only on; a statement that would write is
// refused before it runs.

#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "history_open.hpp"
#include "history_options.hpp"
#include "json_writer.hpp"
#include "output_options.hpp"
#include "logdx/storage/read_only_query.hpp"
#include "text_table.hpp"

namespace logdx::cli {
namespace {

struct QueryOptions {
  HistoryOptions history;
  std::string sql;
  std::string output = "text";
};

std::string cell_text(const storage::QueryValue& value) {
  struct Visitor {
    std::string operator()(storage::Null) const { return "NULL"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return fmt::format("{}", v); }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

void write_value(JsonWriter& w, const storage::QueryValue& value) {
  if (std::holds_alternative<storage::Null>(value)) {
    w.null();
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    w.value(*i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    w.value(*d);
  } else {
    w.value(std::get<std::string>(value));
  }
}

std::string as_json(const storage::QueryResult& result) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("schema").value("logdx.query/1").key("columns").begin_array();
  for (const auto& c : result.columns) w.value(c);
  w.end_array().key("rows").begin_array();
  for (const auto& row : result.rows) {
    w.begin_array();
    for (const auto& value : row) write_value(w, value);
    w.end_array();
  }
  w.end_array().key("truncated").value(result.truncated).end_object();
  out += '\n';
  return out;
}

std::string as_text(const storage::QueryResult& result) {
  TextTable table(result.columns, result.columns.empty() ? 0 : result.columns.size() - 1);
  for (const auto& row : result.rows) {
    std::vector<std::string> cells;
    for (const auto& value : row) cells.push_back(cell_text(value));
    table.add_row(std::move(cells));
  }
  std::string out = table.render(output_width());
  out += fmt::format("({} row{}{})\n", result.rows.size(), result.rows.size() == 1 ? "" : "s",
                     result.truncated ? ", cut: add a LIMIT" : "");
  return out;
}

int run_query(const QueryOptions& o) {
  const auto db = open_history_for_reading(o.history, /*strictly_read_only=*/true);
  if (!db) {
    fmt::print(stderr, "logdx: error: no history at {} (logdx analyze records one)\n",
               o.history.path());
    return 2;
  }
  const storage::QueryResult result = storage::run_read_only_query(*db, o.sql);
  const std::string text = o.output == "json" ? as_json(result) : as_text(result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace

CommandRunner add_query_command(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* command = app.add_subcommand("query", "read-only SQL on the history database");
  command->add_option("sql", o->sql, "one SELECT (or WITH ... SELECT) statement")->required();
  o->history.add_to(*command);
  add_text_or_json_option(*command, o->output);
  command->footer(
      "Examples:\n"
      "  logdx query \"SELECT cause, count(*) FROM incidents GROUP BY cause\"\n"
      "  logdx query -o json \"SELECT started_at, exit_code FROM runs ORDER BY id DESC LIMIT 5\"\n"
      "The schema is in docs/storage.md.");
  return [command, o]() {
    if (!command->parsed()) return -1;
    return run_query(*o);
  };
}

}  // namespace logdx::cli
