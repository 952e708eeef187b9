#pragma once
// A prepared SQLite statement: bind by position (1-based), step, read columns (0-based).
// Errors become StorageError with the database path, so callers never see an sqlite3 code.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logdx::storage {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql, const std::string& path);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string>& text);

  bool step();  // true: a row is ready; false: done
  void run();   // steps to the end, for statements that return no rows
  void reset();

  int columns() const;
  std::string column_name(int index) const;
  bool is_null(int index) const;
  std::string text(int index) const;
  std::int64_t integer(int index) const;
  double real(int index) const;
  bool read_only() const;  // sqlite3_stmt_readonly: the statement cannot change the file
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string* path_;
};

// Maps an SQLite result code to our error kinds, with the message SQLite gave.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, const std::string& path,
                                     std::string_view doing);

}  // namespace logdx::storage
