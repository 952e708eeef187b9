#pragma once
// A stream of bytes from one input: a regular file read in large blocks, stdin, or a
// gzip / zstd stream decompressed in bounded chunks (recognised by magic bytes, not by name).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "logdx/parsers/input_set.hpp"

namespace logdx {

// A read or decompression failure; `what()` names the input and the problem
// ("input.log.gz: truncated gzip stream after 81920 bytes").
class InputError : public std::runtime_error {
 public:
  InputError(std::string path, const std::string& message)
      : std::runtime_error(path + ": " + message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

enum class Compression { none, gzip, zstd };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to buffer.size() bytes; returns 0 at the end. Throws InputError.
  virtual std::size_t read(std::span<char> buffer) = 0;
  // Size of the underlying file when known (for progress), compressed size for compressed input.
  virtual std::optional<std::uint64_t> size_hint() const { return std::nullopt; }
  virtual Compression compression() const { return Compression::none; }
  // Whether the bytes handed out are a decoding of the file's (UTF-16 read as UTF-8): their
  // offsets are not the file's, so the file cannot be followed from where reading stopped.
  virtual bool transcoded() const { return false; }
  // Sources that wait for data (--follow) call this when they have been idle for a while, so
  // the reader can hand on a record it holds open for continuation lines that may never come.
  virtual void on_idle(std::function<void()> callback) { (void)callback; }
};

// Opens the input and sniffs its first bytes for gzip (1f 8b) and zstd (28 b5 2f fd) magic
// and for a UTF-16 byte-order mark (ff fe, fe ff: read as UTF-8). Throws InputError when it
// cannot be opened.
std::unique_ptr<ByteSource> open_byte_source(const ResolvedInput& input);

}  // namespace logdx
