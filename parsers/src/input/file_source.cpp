#include "input/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "input/fd_read.hpp"

namespace logdx::input {

FileSource::FileSource(const std::string& path, std::string name) : name_(std::move(name)) {
  do {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd_ < 0 && errno == EINTR);
  if (fd_ < 0) throw InputError(name_, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const int err = errno;
    ::close(fd_);
    throw InputError(name_, std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd_);
    throw InputError(name_, std::strerror(EISDIR));
  }
  if (S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t FileSource::read(std::span<char> buffer) { return read_fd(fd_, buffer, name_); }

}  // namespace logdx::input
