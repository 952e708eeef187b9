#pragma once
// Opening the history for the commands that only read it (incidents, history, query): a
// missing file is "no history yet", not an error; a read-only file is still readable.

#include <memory>

#include "history_options.hpp"
#include "logdx/storage/database.hpp"

namespace logdx::cli {

// nullptr when there is no database file yet. Throws StorageError for everything else.
std::unique_ptr<storage::Database> open_history_for_reading(const HistoryOptions& options,
                                                            bool strictly_read_only = false);

}  // namespace logdx::cli
