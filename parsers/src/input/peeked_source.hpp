#pragma once
// Wraps a source whose first bytes had to be looked at (compression magic) and hands those
// bytes out again before the rest, so sniffing works on pipes that cannot seek back.

#include <array>
#include <memory>
#include <span>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

class PeekedSource final : public ByteSource {
 public:
  static constexpr std::size_t kPeekBytes = 4;  // the longest magic (zstd)

  // Reads up to kPeekBytes from `inner` (fewer only at its end).
  explicit PeekedSource(std::unique_ptr<ByteSource> inner);

  std::span<const char> peeked() const { return {peek_.data(), peek_size_}; }
  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return inner_->size_hint(); }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::array<char, kPeekBytes> peek_{};
  std::size_t peek_size_ = 0;
  std::size_t peek_pos_ = 0;
};

}  // namespace logdx::input
