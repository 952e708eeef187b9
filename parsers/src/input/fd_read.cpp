#include "input/fd_read.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

std::size_t read_fd(int fd, std::span<char> buffer, const std::string& name) {
  if (buffer.empty()) return 0;
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      pollfd waiter{fd, POLLIN, 0};
      if (::poll(&waiter, 1, -1) >= 0 || errno == EINTR) continue;
    }
    throw InputError(name, std::strerror(errno));
  }
}

}  // namespace logdx::input
