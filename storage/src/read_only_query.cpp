#include "logdx/storage/read_only_query.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "logdx/storage/storage_error.hpp"
#include "statement.hpp"

namespace logdx::storage {
namespace {

QueryValue value_of(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
      return std::int64_t{sqlite3_column_int64(stmt, column)};
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, column);
    case SQLITE_NULL:
      return Null{};
    default: {
      const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
      const int size = sqlite3_column_bytes(stmt, column);
      return std::string(bytes != nullptr ? bytes : "", static_cast<std::size_t>(size));
    }
  }
}

}  // namespace

QueryResult run_read_only_query(const Database& db, const std::string& sql,
                                std::size_t max_rows) {
  Statement statement(db.handle(), sql, db.path());
  if (!statement.read_only()) {
    throw StorageError(StorageErrorKind::refused, db.path(),
                       "logdx query is read-only: this statement would change the history "
                       "(use SELECT, WITH or read-only PRAGMAs)");
  }
  QueryResult result;
  for (int c = 0; c < statement.columns(); ++c) result.columns.push_back(statement.column_name(c));
  while (statement.step()) {
    if (result.rows.size() == max_rows) {
      result.truncated = true;
      break;
    }
    std::vector<QueryValue> row;
    for (int c = 0; c < statement.columns(); ++c) row.push_back(value_of(statement.raw(), c));
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace logdx::storage
