#pragma once
// Where the history lives, for every command that uses it: --db PATH (default
// $XDG_STATE_HOME/logdx/history.db), --db-timeout MS (how long to wait for another writer).
// `analyze` adds --no-db and --no-redact.

#include <chrono>
#include <string>

#include "logdx/storage/database.hpp"

namespace CLI {
class App;
}

namespace logdx::cli {

struct HistoryOptions {
  std::string db;  // empty: the default path
  int timeout_ms = 5000;

  void add_to(CLI::App& command);
  std::string path() const;
  storage::DatabaseOptions database_options() const {
    return {std::chrono::milliseconds(timeout_ms)};
  }
};

}  // namespace logdx::cli
