#include "logdx/storage/database.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

#include "private_file.hpp"
#include "schema.hpp"
#include "statement.hpp"
#include "logdx/storage/storage_error.hpp"

namespace logdx::storage {

namespace {

// "file:" URI of a path, with the characters a URI gives meaning to escaped.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Database::Database(std::string path, OpenMode mode, DatabaseOptions options)
    : path_(std::move(path)), options_(options) {
  try {
    open_connection(mode, path_);
    configure(mode);
  } catch (const StorageError& e) {
    close();
    // Reading a WAL database needs its -shm file; in a folder this user cannot write, SQLite
    // cannot make one. Such a history is read as immutable: nobody can be writing it anyway.
    const bool retry = mode == OpenMode::read_only && (e.kind() == StorageErrorKind::read_only ||
                                                       e.kind() == StorageErrorKind::cant_open);
    if (!retry) throw;
    open_connection(mode, immutable_uri(path_));
    configure(mode);
  }
}

void Database::close() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

Database::~Database() { close(); }

void Database::open_connection(OpenMode mode, const std::string& name) {
  if (mode == OpenMode::create) {
    create_private_file(path_);
  } else if (::access(path_.c_str(), F_OK) != 0) {
    throw StorageError(StorageErrorKind::cant_open, path_,
                       fmt::format("{}: no history database here (logdx analyze creates it)",
                                   path_));
  }
  const int flags = (mode == OpenMode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                    SQLITE_OPEN_NOFOLLOW | (name != path_ ? SQLITE_OPEN_URI : 0);
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, path_, "opening the history database");
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(options_.busy_timeout.count()));
  writable_ = mode != OpenMode::read_only && sqlite3_db_readonly(db_, "main") == 0;
}

void Database::configure(OpenMode mode) {
  // Reading the header first tells "not a database" apart from everything else.
  (void)schema_version();
  exec("PRAGMA foreign_keys = ON");
  if (mode == OpenMode::read_only) {
    exec("PRAGMA query_only = ON");
    return;
  }
  if (!writable_) {
    throw StorageError(StorageErrorKind::read_only, path_,
                       fmt::format("{}: the history database is read-only", path_));
  }
  exec("PRAGMA journal_mode = WAL");
  exec("PRAGMA synchronous = NORMAL");
  if (options_.migrate) migrate(*this);
}

int Database::schema_version() const {
  Statement version(db_, "PRAGMA user_version", path_);
  if (!version.step()) return 0;
  return static_cast<int>(version.integer(0));
}

void Database::exec(const char* sql) const {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    sqlite3_free(error);
    throw_sqlite_error(db_, rc, path_, fmt::format("running '{}'", sql));
  }
}

std::string default_database_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && *state == '/') return fmt::format("{}/logdx/history.db", state);
  const char* home = std::getenv("HOME");
  return fmt::format("{}/.local/state/logdx/history.db", home != nullptr ? home : ".");
}

}  // namespace logdx::storage
