#include "input/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

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

std::size_t FileSource::read(std::span<char> buffer) {
  // Size 0 is also what /proc and some pseudo files report while having content.
  if (!size_ || *size_ == 0) return read_fd(fd_, buffer, name_);
  const std::uint64_t left = *size_ - offset_;
  if (left == 0 || buffer.empty()) return 0;
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), left));
  const std::size_t got = read_fd(fd_, buffer.first(want), name_);
  if (got == 0) {
    throw InputError(name_, fmt::format("truncated while being read: it ended after {} of the {} "
                                        "bytes it had when opened",
                                        offset_, *size_));
  }
  offset_ += got;
  return got;
}

}  // namespace logdx::input
