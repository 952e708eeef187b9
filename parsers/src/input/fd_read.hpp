#pragma once
// One read(2) on a descriptor with the retries every source needs: EINTR is retried and a
// non-blocking descriptor (stdin inherited from a shell that set O_NONBLOCK) is waited on with
// poll(2) instead of failing with EAGAIN.

#include <cstddef>
#include <span>
#include <string>

namespace logdx::input {

// Returns the bytes read (0 at the end). Throws InputError(name, strerror) on failure.
std::size_t read_fd(int fd, std::span<char> buffer, const std::string& name);

}  // namespace logdx::input
