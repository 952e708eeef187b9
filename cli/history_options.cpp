#include "history_options.hpp"

#include <CLI/CLI.hpp>

#include "limit_options.hpp"

namespace logdx::cli {

void HistoryOptions::add_to(CLI::App& command) {
  command.add_option("--db", db, "the history database (default $XDG_STATE_HOME/logdx/history.db)");
  whole_number(command.add_option("--db-timeout", timeout_ms,
                                  "milliseconds to wait while another logdx writes the history "
                                  "(0 to 600000)"),
               0, 600'000)
      ->group(kAdvancedGroup);
}

std::string HistoryOptions::path() const {
  return db.empty() ? storage::default_database_path() : db;
}

}  // namespace logdx::cli
