#include "history_open.hpp"

#include <unistd.h>

#include "logdx/storage/storage_error.hpp"

namespace logdx::cli {

std::unique_ptr<storage::Database> open_history_for_reading(const HistoryOptions& options,
                                                            bool strictly_read_only) {
  const std::string path = options.path();
  if (::access(path.c_str(), F_OK) != 0) return nullptr;
  if (!strictly_read_only) {
    try {
      // Read-write so an older schema is migrated first; nothing else is written.
      return std::make_unique<storage::Database>(path, storage::OpenMode::existing,
                                                 options.database_options());
    } catch (const storage::StorageError& e) {
      if (e.kind() != storage::StorageErrorKind::read_only) throw;
    }
  }
  return std::make_unique<storage::Database>(path, storage::OpenMode::read_only,
                                             options.database_options());
}

}  // namespace logdx::cli
