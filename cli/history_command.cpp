// `logdx history [--since T] [--limit N] [-o json]`: past analyze runs, newest first;
// `logdx history prune --older-than 90d [--dry-run]`: forget runs started before then.

#include <chrono>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "history_open.hpp"
#include "history_options.hpp"
#include "incidents_views.hpp"
#include "logdx/storage/history_prune.hpp"
#include "logdx/storage/history_reader.hpp"
#include "output_options.hpp"
#include "time_arg.hpp"

namespace logdx::cli {
namespace {

struct HistoryCommandOptions {
  HistoryOptions history;
  std::string since;
  std::size_t limit = 50;
  std::string output = "text";
  std::string older_than;
  bool dry_run = false;
};

std::string time_option(const std::string& name, const std::string& text) {
  std::string error;
  const auto nanos = parse_time_arg(text, std::chrono::system_clock::now(), error);
  if (!nanos) throw CLI::ValidationError(name, error);
  return rfc3339_utc(*nanos);
}

int run_list(const HistoryCommandOptions& o) {
  std::optional<std::string> since;
  if (!o.since.empty()) since = time_option("--since", o.since);
  const auto db = open_history_for_reading(o.history);
  std::vector<storage::RunRow> runs;
  if (db) runs = storage::HistoryReader(*db).runs(o.limit, since);
  const std::string text = o.output == "json" ? history_json(runs, o.history.path())
                                              : history_text(runs, o.history.path(), db != nullptr);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int run_prune(const HistoryCommandOptions& o) {
  const std::string before = time_option("--older-than", o.older_than);
  const auto db = open_history_for_reading(o.history);
  if (!db) {
    fmt::print("No history at {}: nothing to prune.\n", o.history.path());
    return 0;
  }
  const storage::PruneResult pruned = storage::prune_history(*db, before, o.dry_run);
  fmt::print("{} {} run{} started before {}, {} incident{} no remaining run saw{}.\n",
             o.dry_run ? "Would prune" : "Pruned", pruned.runs, pruned.runs == 1 ? "" : "s",
             before, pruned.incidents, pruned.incidents == 1 ? "" : "s",
             o.dry_run ? "" : fmt::format(", {} evidence line{}", pruned.evidence,
                                          pruned.evidence == 1 ? "" : "s"));
  return 0;
}

}  // namespace

CommandRunner add_history_command(CLI::App& app) {
  auto o = std::make_shared<HistoryCommandOptions>();
  CLI::App* command = app.add_subcommand("history", "past analyze runs, newest first");
  o->history.add_to(*command);
  command->add_option("--since", o->since, "runs since: ISO-8601 or a span back (2h, 7d)");
  command->add_option("--limit", o->limit, "at most this many runs (0: all)");
  add_text_or_json_option(*command, o->output);
  command->footer(
      "Examples:\n"
      "  logdx history --since 24h\n"
      "  logdx history prune --older-than 90d --dry-run");
  CLI::App* prune = command->add_subcommand("prune", "forget runs older than a time");
  prune->add_option("--older-than", o->older_than, "ISO-8601 or a span back (90d)")->required();
  prune->add_flag("--dry-run", o->dry_run, "count what would go, change nothing");
  prune->footer(
      "Examples:\n"
      "  logdx history prune --older-than 90d --dry-run\n"
      "  logdx history prune --older-than 2026-01-01");
  o->history.add_to(*prune);
  return [command, prune, o]() {
    if (!command->parsed()) return -1;
    return prune->parsed() ? run_prune(*o) : run_list(*o);
  };
}

}  // namespace logdx::cli
