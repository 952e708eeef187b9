#include "input/peeked_source.hpp"

#include <algorithm>
#include <cstring>

namespace logdx::input {

PeekedSource::PeekedSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)) {
  // A pipe may deliver the magic in several short reads.
  while (peek_size_ < kPeekBytes) {
    const std::size_t got = inner_->read(std::span<char>(peek_).subspan(peek_size_));
    if (got == 0) break;
    peek_size_ += got;
  }
}

std::size_t PeekedSource::read(std::span<char> buffer) {
  if (peek_pos_ < peek_size_) {
    const std::size_t n = std::min(buffer.size(), peek_size_ - peek_pos_);
    std::memcpy(buffer.data(), peek_.data() + peek_pos_, n);
    peek_pos_ += n;
    return n;
  }
  return inner_->read(buffer);
}

}  // namespace logdx::input
