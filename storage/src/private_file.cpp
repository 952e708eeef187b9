#include "private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "logdx/storage/storage_error.hpp"

namespace logdx::storage {
namespace {

StorageErrorKind kind_of_errno(int error) {
  return error == EACCES || error == EROFS || error == EPERM ? StorageErrorKind::read_only
                                                              : StorageErrorKind::cant_open;
}

void make_folders(const std::filesystem::path& folder, const std::string& path) {
  if (folder.empty()) return;
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) {
      throw StorageError(StorageErrorKind::cant_open, path,
                         fmt::format("{}: {} is not a folder", path, folder.string()));
    }
    return;
  }
  make_folders(folder.parent_path() == folder ? std::filesystem::path() : folder.parent_path(),
               path);
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
    const int error = errno;
    throw StorageError(kind_of_errno(error), path,
                       fmt::format("{}: cannot create the folder {}: {}", path, folder.string(),
                                   std::strerror(error)));
  }
}

}  // namespace

bool create_private_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      throw StorageError(StorageErrorKind::cant_open, path,
                         fmt::format("{}: not a regular file", path));
    }
    return false;
  }
  make_folders(std::filesystem::path(path).parent_path(), path);
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) return false;  // another logdx created it a moment ago
    throw StorageError(kind_of_errno(error), path,
                       fmt::format("{}: cannot create the history database: {}", path,
                                   std::strerror(error)));
  }
  ::close(fd);
  return true;
}

}  // namespace logdx::storage
