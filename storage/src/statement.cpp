#include "statement.hpp"

#include <fmt/format.h>

#include "logdx/storage/storage_error.hpp"

namespace logdx::storage {

namespace {

StorageErrorKind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StorageErrorKind::busy;
    case SQLITE_CORRUPT:
      return StorageErrorKind::corrupt;
    case SQLITE_NOTADB:
      return StorageErrorKind::not_a_database;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return StorageErrorKind::read_only;
    case SQLITE_CANTOPEN:
      return StorageErrorKind::cant_open;
    default:
      return StorageErrorKind::other;
  }
}

}  // namespace

void throw_sqlite_error(sqlite3* db, int code, const std::string& path, std::string_view doing) {
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  const StorageErrorKind kind = kind_of(code);
  std::string message = fmt::format("{}: {}: {}", path, doing, detail);
  if (kind == StorageErrorKind::busy) {
    message = fmt::format("{}: {}: the database is locked by another process ({})", path, doing,
                          detail);
  }
  throw StorageError(kind, path, message);
}

Statement::Statement(sqlite3* db, std::string_view sql, const std::string& path)
    : db_(db), path_(&path) {
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, &tail);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_ERROR) {
      throw StorageError(StorageErrorKind::bad_query, path,
                         fmt::format("{}: SQL error: {}", path, sqlite3_errmsg(db)));
    }
    throw_sqlite_error(db, rc, path, "preparing a statement");
  }
  if (stmt_ == nullptr) {
    throw StorageError(StorageErrorKind::bad_query, path, fmt::format("{}: empty SQL", path));
  }
  const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    throw StorageError(StorageErrorKind::bad_query, path,
                       fmt::format("{}: one SQL statement at a time (found more after the first)",
                                   path));
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), path_(other.path_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, *path_, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, *path_, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, *path_, "binding a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, *path_, "binding a value");
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& text) {
  return text ? bind(index, *text) : bind_null(index);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(db_, rc, *path_, "running a statement");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::columns() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int index) const {
  const char* name = sqlite3_column_name(stmt_, index);
  return name != nullptr ? name : "";
}

bool Statement::is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::string Statement::text(int index) const {
  const auto* bytes = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

std::int64_t Statement::integer(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::real(int index) const { return sqlite3_column_double(stmt_, index); }

bool Statement::read_only() const { return sqlite3_stmt_readonly(stmt_) != 0; }

}  // namespace logdx::storage
