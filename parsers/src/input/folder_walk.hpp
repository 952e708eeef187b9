#pragma once
// Recursive folder listing in a deterministic order: in each folder the non-folder entries
// sorted by name (bytewise), then its subfolders in name order. Symlinks are followed (a
// symlinked log folder is common); every folder is entered once, keyed by (device, inode),
// so symlink loops end.

#include <sys/stat.h>

#include <functional>
#include <set>
#include <string>
#include <utility>

#include "logdx/parsers/input_set.hpp"

namespace logdx::input {

using FileId = std::pair<dev_t, ino_t>;

inline FileId file_id(const struct stat& st) { return {st.st_dev, st.st_ino}; }

struct FolderWalkCallbacks {
  // A non-folder entry (after following symlinks): regular file, FIFO, socket...
  std::function<void(const std::string& path, const struct stat& st)> on_entry;
  std::function<void(InputNote note)> on_note;
};

// `folder` must already be in `visited` (the caller stat()ed it).
void walk_folder(const std::string& folder, std::set<FileId>& visited,
                 const FolderWalkCallbacks& callbacks);

}  // namespace logdx::input
