#pragma once
// The history schema as a list of migrations, applied in order by PRAGMA user_version inside
// one write transaction. A migration is never edited once released: a new version appends one.

#include <span>

namespace logdx::storage {

class Database;

struct Migration {
  int version;      // user_version after this migration
  const char* sql;  // statements, run with sqlite3_exec
};

std::span<const Migration> migrations();

// Brings the database to the latest version; throws StorageError (too_new) for a file written
// by a newer logdx, which is left as it is.
void migrate(Database& db);

// Applies the migrations up to `version` only: tests build a database "made by" each earlier
// version this way and then upgrade it.
void migrate_to(Database& db, int version);

}  // namespace logdx::storage
