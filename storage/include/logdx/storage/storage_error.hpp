#pragma once
// Why the history database could not be used. The CLI turns these into one clear line naming
// the file (exit code 2, or a warning where the analysis itself is unaffected).

#include <stdexcept>
#include <string>

namespace logdx::storage {

enum class StorageErrorKind {
  cant_open,       // the file or its folder cannot be opened or created
  not_a_database,  // the file exists but is not SQLite
  corrupt,         // SQLite says the database is malformed
  too_new,         // made by a newer logdx (schema version above ours)
  busy,            // another process held the lock past the busy timeout
  read_only,       // the file or folder cannot be written
  refused,         // a statement that would write, given to the read-only query
  bad_query,       // SQL that does not prepare (syntax, unknown table)
  not_found,       // an incident fingerprint or prefix with no match (or several)
  other,
};

class StorageError : public std::runtime_error {
 public:
  StorageError(StorageErrorKind kind, std::string path, const std::string& message)
      : std::runtime_error(message), kind_(kind), path_(std::move(path)) {}

  StorageErrorKind kind() const { return kind_; }
  const std::string& path() const { return path_; }

 private:
  StorageErrorKind kind_;
  std::string path_;
};

}  // namespace logdx::storage
