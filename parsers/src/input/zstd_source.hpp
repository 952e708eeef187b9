#pragma once
// zstd decompression in bounded chunks with ZSTD_decompressStream: a fixed input buffer, output
// straight into the caller's buffer. Concatenated frames are read one after the other; the
// default window limit (128 MiB) bounds memory, so `zstd --long=31` files are refused.

#include <zstd.h>

#include <memory>
#include <string>
#include <vector>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

class ZstdSource final : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<ByteSource> inner, std::string name);
  ~ZstdSource() override;
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  // Throws InputError "truncated zstd stream after N bytes" when the input ends inside a
  // frame, and "corrupt zstd stream: <zstd message>" on bad data, after the good bytes.
  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return inner_->size_hint(); }
  Compression compression() const override { return Compression::zstd; }

 private:
  bool fill();

  std::unique_ptr<ByteSource> inner_;
  std::string name_;
  std::vector<char> in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  ZSTD_DCtx* dctx_ = nullptr;
  bool frame_open_ = false;
  bool finished_ = false;
  std::uint64_t produced_ = 0;
};

}  // namespace logdx::input
