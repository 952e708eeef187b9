#pragma once
// `logdx query "SELECT ..."`: one statement on a connection opened read-only with
// PRAGMA query_only; a statement that would write is refused before it runs, with a clear
// error (StorageErrorKind::refused). Values keep their SQLite type for JSON output.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "logdx/storage/database.hpp"

namespace logdx::storage {

struct Null {
  bool operator==(const Null&) const = default;
};
using QueryValue = std::variant<Null, std::int64_t, double, std::string>;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<QueryValue>> rows;
  bool truncated = false;  // stopped at max_rows
};

QueryResult run_read_only_query(const Database& db, const std::string& sql,
                                std::size_t max_rows = 100000);

}  // namespace logdx::storage
