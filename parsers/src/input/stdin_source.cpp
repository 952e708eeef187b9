#include "input/stdin_source.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "input/fd_read.hpp"

namespace logdx::input {

StdinSource::StdinSource(std::string name) : name_(std::move(name)) {
  // `logdx parse - < big.log` can show progress; a pipe has no size.
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
    size_ = static_cast<std::uint64_t>(st.st_size);
  }
}

std::size_t StdinSource::read(std::span<char> buffer) {
  return read_fd(STDIN_FILENO, buffer, name_);
}

}  // namespace logdx::input
