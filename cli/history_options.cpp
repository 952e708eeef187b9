#include "history_options.hpp"

#include <CLI/CLI.hpp>

namespace logdx::cli {

void HistoryOptions::add_to(CLI::App& command) {
  command.add_option("--db", db, "the history database (default $XDG_STATE_HOME/logdx/history.db)");
  command.add_option("--db-timeout", timeout_ms,
                     "milliseconds to wait while another logdx writes the history")
      ->check(CLI::Range(0, 600000));
}

std::string HistoryOptions::path() const {
  return db.empty() ? storage::default_database_path() : db;
}

}  // namespace logdx::cli
