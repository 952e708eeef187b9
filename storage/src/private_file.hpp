#pragma once
// Creates the history file the first time: the folders that are missing with mode 0700, the
// file itself with 0600 (O_EXCL, so an existing file is never truncated). SQLite then gives its
// -wal and -shm files the same mode as the database file.

#include <string>

namespace logdx::storage {

// True when the file was created now; false when it already existed. Throws StorageError
// (cant_open or read_only) when it can be neither found nor made.
bool create_private_file(const std::string& path);

}  // namespace logdx::storage
