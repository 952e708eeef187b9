// `logdx incidents [--since T] [--cause C] [--rule R] [--host H] [-o json]`: one row per incident
// fingerprint from the history; `logdx incidents show FINGERPRINT`: every run that saw it,
// with its evidence and the fix.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "history_open.hpp"
#include "history_options.hpp"
#include "incidents_views.hpp"
#include "logdx/storage/history_reader.hpp"
#include "output_options.hpp"
#include "text_layout.hpp"
#include "time_arg.hpp"

namespace logdx::cli {
namespace {

struct IncidentsOptions {
  HistoryOptions history;
  std::string since;
  std::string cause;
  std::string rule;
  std::string host;
  std::string output = "text";
  std::string fingerprint;  // for `show`
};

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

void print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

int run_list(const IncidentsOptions& o) {
  storage::IncidentFilter filter{std::nullopt, non_empty(o.cause), non_empty(o.rule),
                                 non_empty(o.host)};
  if (!o.since.empty()) {
    std::string error;
    const auto since = parse_time_arg(o.since, std::chrono::system_clock::now(), error);
    if (!since) throw CLI::ValidationError("--since", error);
    filter.since = rfc3339_utc(*since);
  }
  const auto db = open_history_for_reading(o.history);
  std::vector<storage::IncidentRow> rows;
  if (db) rows = storage::HistoryReader(*db).incidents(filter);
  print(o.output == "json" ? incidents_json(rows, o.history.path())
                           : incidents_text(rows, o.history.path(), db != nullptr));
  return 0;
}

int run_show(const IncidentsOptions& o) {
  const auto db = open_history_for_reading(o.history);
  if (!db) {
    fmt::print(stderr, "logdx: error: no history at {} (logdx analyze records one)\n",
               o.history.path());
    return 2;
  }
  const storage::IncidentDetail detail = storage::HistoryReader(*db).incident(o.fingerprint);
  print(o.output == "json"
            ? incident_json(detail)
            : incident_text(detail, TextStyle{false, output_width(STDOUT_FILENO), nullptr}));
  return 0;
}

}  // namespace

CommandRunner add_incidents_command(CLI::App& app) {
  auto o = std::make_shared<IncidentsOptions>();
  CLI::App* command =
      app.add_subcommand("incidents", "past incidents from the history, one row per fingerprint");
  o->history.add_to(*command);
  command->add_option("--since", o->since, "seen since: ISO-8601 or a span back (2h, 7d)");
  command->add_option("--cause", o->cause, "only this cause id (e.g. port_conflict)");
  command->add_option("--rule", o->rule, "only this rule id");
  command->add_option("--host", o->host,
                      "only this host of a fleet (its short name, lower case: gw-01)");
  add_text_or_json_option(*command, o->output);
  command->footer(
      "Examples:\n"
      "  logdx incidents --since 7d\n"
      "  logdx incidents --cause port_conflict -o json | jq '.incidents[].runs'\n"
      "  logdx incidents --host gw-01\n"
      "  logdx incidents show 5f0c1a2b");
  CLI::App* show = command->add_subcommand("show", "every run that saw one incident");
  show->add_option("fingerprint", o->fingerprint, "the fingerprint, or a unique prefix of it")
      ->required();
  show->footer(
      "Examples:\n"
      "  logdx incidents show 5f0c1a2b\n"
      "  logdx incidents show -o json 5f0c1a2b | jq '.occurrences | length'");
  o->history.add_to(*show);
  add_text_or_json_option(*show, o->output);
  return [command, show, o]() {
    if (!command->parsed()) return -1;
    return show->parsed() ? run_show(*o) : run_list(*o);
  };
}

}  // namespace logdx::cli
