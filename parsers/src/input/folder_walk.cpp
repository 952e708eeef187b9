#include "input/folder_walk.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace logdx::input {
namespace {

using Severity = InputNote::Severity;

struct Entry {
  std::string name;
  std::string path;
  struct stat st {};
};

// The folder's entries sorted by name; false (with a note) when it cannot be listed.
bool list_folder(const std::string& folder, std::vector<std::string>& names,
                 const FolderWalkCallbacks& callbacks) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::none, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) {
    callbacks.on_note({Severity::error, folder, ec.message()});
    return false;
  }
  std::sort(names.begin(), names.end());
  return true;
}

}  // namespace

void walk_folder(const std::string& folder, std::set<FileId>& visited,
                 const FolderWalkCallbacks& callbacks) {
  std::vector<std::string> names;
  if (!list_folder(folder, names, callbacks)) return;
  std::vector<Entry> subfolders;
  for (auto& name : names) {
    Entry entry{name, (std::filesystem::path(folder) / name).string()};
    // stat, not lstat: follow symlinks; a dangling one or a loop of links fails here.
    if (::stat(entry.path.c_str(), &entry.st) != 0) {
      callbacks.on_note({Severity::error, entry.path, std::strerror(errno)});
      continue;
    }
    if (S_ISDIR(entry.st.st_mode)) {
      subfolders.push_back(std::move(entry));
    } else {
      callbacks.on_entry(entry.path, entry.st);
    }
  }
  for (const auto& sub : subfolders) {
    if (!visited.insert(file_id(sub.st)).second) {
      callbacks.on_note({Severity::note, sub.path, "skipped: folder already read (symlink)"});
      continue;
    }
    walk_folder(sub.path, visited, callbacks);
  }
}

}  // namespace logdx::input
