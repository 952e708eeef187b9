#pragma once
// One connection to a logdx history database (SQLite): opened or created private (0600 file,
// 0700 folders), WAL, synchronous=NORMAL, foreign keys on, a busy timeout, and migrated to the
// current schema (PRAGMA user_version) before anything else touches it. A file that is not a
// logdx history database is reported, never overwritten or "repaired".

#include <chrono>
#include <cstdint>
#include <string>

struct sqlite3;

namespace logdx::storage {

enum class OpenMode {
  create,     // create the file (and folders) when missing; analyze uses this
  existing,   // the file must exist; migrated when writable
  read_only,  // never writes (not even a migration); `logdx query` uses this
};

struct DatabaseOptions {
  std::chrono::milliseconds busy_timeout{5000};  // how long to wait for another writer
  bool migrate = true;  // false only in tests that build a file "made by" an older version
};

class Database {
 public:
  Database(std::string path, OpenMode mode, DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  // The schema version the file is at (after migration, the latest unless read-only).
  int schema_version() const;
  bool writable() const { return writable_; }

  // For the storage classes (storage/src): the raw connection.
  sqlite3* handle() const { return db_; }
  void exec(const char* sql) const;

 private:
  void open_connection(OpenMode mode, const std::string& name);
  void close();
  void configure(OpenMode mode);

  std::string path_;
  DatabaseOptions options_;
  sqlite3* db_ = nullptr;
  bool writable_ = false;
};

// The newest schema version this logdx writes (docs/storage.md lists them).
int latest_schema_version();

// $XDG_STATE_HOME/logdx/history.db, or ~/.local/state/logdx/history.db.
std::string default_database_path();

}  // namespace logdx::storage
