#pragma once
// A named file (regular file, FIFO, character device) read with plain read(2) calls of the
// caller's size. Not mmap: a file truncated while mapped raises SIGBUS; read() just returns 0.
// A regular file is read as it was when opened: bytes appended later are not read (a log
// that is written faster than it is read would otherwise never end), and a file that ends
// before its size at opening was truncated under us (logrotate copytruncate): an InputError.

#include <sys/types.h>

#include <optional>
#include <string>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

class FileSource final : public ByteSource {
 public:
  // Throws InputError(name, strerror) when the path cannot be opened or is a directory.
  FileSource(const std::string& path, std::string name);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return size_; }

 private:
  int fd_ = -1;
  std::string name_;
  std::optional<std::uint64_t> size_;
  std::uint64_t offset_ = 0;
};

}  // namespace logdx::input
