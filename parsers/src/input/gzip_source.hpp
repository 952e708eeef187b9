#pragma once
// gzip decompression in bounded chunks with zlib's inflate: a fixed input buffer, output
// written straight into the caller's buffer. Concatenated members (`cat a.gz b.gz`, what
// logrotate's delaycompress + append can produce) are read one after the other.

#include <zlib.h>

#include <memory>
#include <string>
#include <vector>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

class GzipSource final : public ByteSource {
 public:
  GzipSource(std::unique_ptr<ByteSource> inner, std::string name);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  // Throws InputError "truncated gzip stream after N bytes" when the input ends inside a
  // member, and "corrupt gzip stream: <zlib message>" on bad data, after the good bytes.
  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return inner_->size_hint(); }
  Compression compression() const override { return Compression::gzip; }

 private:
  bool fill();
  bool start_next_member();
  [[noreturn]] void fail(int code) const;

  std::unique_ptr<ByteSource> inner_;
  std::string name_;
  std::vector<char> in_;
  z_stream zs_{};
  bool in_member_ = true;
  bool finished_ = false;
  std::uint64_t produced_ = 0;
};

}  // namespace logdx::input
