#include "input/gzip_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace logdx::input {
namespace {

constexpr std::size_t kInputBytes = 64 * 1024;
constexpr int kGzipOnlyWindow = 16 + MAX_WBITS;  // 16+: expect a gzip header and trailer

}  // namespace

GzipSource::GzipSource(std::unique_ptr<ByteSource> inner, std::string name)
    : inner_(std::move(inner)), name_(std::move(name)), in_(kInputBytes) {
  const int code = inflateInit2(&zs_, kGzipOnlyWindow);
  if (code != Z_OK) throw InputError(name_, fmt::format("cannot start gzip: {}", zError(code)));
}

GzipSource::~GzipSource() { inflateEnd(&zs_); }

bool GzipSource::fill() {
  const std::size_t got = inner_->read(in_);
  zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
  zs_.avail_in = static_cast<uInt>(got);
  return got > 0;
}

// After a member ends: more data means another member, except zero padding (gzip(1) ignores
// it too). False at the clean end of the input.
bool GzipSource::start_next_member() {
  for (;;) {
    while (zs_.avail_in > 0 && *zs_.next_in == 0) {
      ++zs_.next_in;
      --zs_.avail_in;
    }
    if (zs_.avail_in > 0) break;
    if (!fill()) return false;
  }
  inflateReset(&zs_);
  in_member_ = true;
  return true;
}

void GzipSource::fail(int code) const {
  const char* message = zs_.msg != nullptr ? zs_.msg : zError(code);
  throw InputError(name_,
                   fmt::format("corrupt gzip stream: {} (after {} bytes)", message, produced_));
}

std::size_t GzipSource::read(std::span<char> buffer) {
  if (finished_ || buffer.empty()) return 0;
  const auto room = static_cast<uInt>(std::min<std::size_t>(buffer.size(), UINT_MAX));
  for (;;) {
    if (!in_member_ && !start_next_member()) {
      finished_ = true;
      return 0;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(buffer.data());
    zs_.avail_out = room;
    const int code = inflate(&zs_, Z_NO_FLUSH);
    if (code != Z_OK && code != Z_STREAM_END && code != Z_BUF_ERROR) fail(code);
    const std::size_t got = room - zs_.avail_out;
    if (code == Z_STREAM_END) in_member_ = false;
    if (got > 0) {
      produced_ += got;
      return got;
    }
    if (in_member_ && zs_.avail_in == 0 && !fill()) {
      throw InputError(name_, fmt::format("truncated gzip stream after {} bytes", produced_));
    }
  }
}

}  // namespace logdx::input
