#include "input/zstd_source.hpp"

#include <fmt/format.h>

namespace logdx::input {

ZstdSource::ZstdSource(std::unique_ptr<ByteSource> inner, std::string name)
    : inner_(std::move(inner)), name_(std::move(name)), in_(ZSTD_DStreamInSize()) {
  dctx_ = ZSTD_createDCtx();
  if (dctx_ == nullptr) throw InputError(name_, "cannot start zstd: out of memory");
}

ZstdSource::~ZstdSource() { ZSTD_freeDCtx(dctx_); }

bool ZstdSource::fill() {
  input_ = {in_.data(), inner_->read(in_), 0};
  return input_.size > 0;
}

std::size_t ZstdSource::read(std::span<char> buffer) {
  if (finished_ || buffer.empty()) return 0;
  for (;;) {
    // Called even without new input: a full output buffer can leave decoded bytes inside zstd.
    ZSTD_outBuffer output{buffer.data(), buffer.size(), 0};
    const std::size_t consumed_before = input_.pos;
    const std::size_t hint = ZSTD_decompressStream(dctx_, &output, &input_);
    if (ZSTD_isError(hint)) {
      throw InputError(name_, fmt::format("corrupt zstd stream: {} (after {} bytes)",
                                          ZSTD_getErrorName(hint), produced_));
    }
    // 0 = a frame is complete and flushed; a call that did nothing says nothing about frames.
    if (output.pos > 0 || input_.pos > consumed_before) frame_open_ = hint != 0;
    if (output.pos > 0) {
      produced_ += output.pos;
      return output.pos;
    }
    if (input_.pos < input_.size) continue;
    if (!fill()) {
      if (frame_open_) {
        throw InputError(name_, fmt::format("truncated zstd stream after {} bytes", produced_));
      }
      finished_ = true;
      return 0;
    }
  }
}

}  // namespace logdx::input
