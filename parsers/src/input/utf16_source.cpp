#include "input/utf16_source.hpp"

#include <algorithm>

namespace logdx::input {
namespace {

constexpr std::size_t kReadBytes = 64 * 1024;
constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool is_high_surrogate(char32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool is_low_surrogate(char32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

}  // namespace

std::optional<Utf16Order> utf16_bom(std::span<const char> head) {
  if (head.size() < 2) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(head[0]);
  const auto b1 = static_cast<unsigned char>(head[1]);
  if (b0 == 0xFF && b1 == 0xFE) return Utf16Order::little;
  if (b0 == 0xFE && b1 == 0xFF) return Utf16Order::big;
  return std::nullopt;
}

Utf16Source::Utf16Source(std::unique_ptr<ByteSource> inner, Utf16Order order)
    : inner_(std::move(inner)), order_(order) {}

char32_t Utf16Source::next_unit(std::size_t at) const {
  const auto lo = static_cast<unsigned char>(in_[at]);
  const auto hi = static_cast<unsigned char>(in_[at + 1]);
  return order_ == Utf16Order::little ? char32_t(lo | (hi << 8)) : char32_t((lo << 8) | hi);
}

// Reads more UTF-16 and decodes every whole code unit (and pair) of it into out_; false when
// the input is at its end and nothing is left to hand out.
bool Utf16Source::decode_more() {
  out_.clear();
  out_pos_ = 0;
  while (out_.empty()) {
    if (at_end_) return false;
    const std::size_t kept = in_.size();
    in_.resize(kept + kReadBytes);
    const std::size_t got = inner_->read(std::span<char>(in_).subspan(kept));
    in_.resize(kept + got);
    at_end_ = got == 0;
    std::size_t at = 0;
    if (!bom_skipped_ && in_.size() >= 2) {
      at = 2;
      bom_skipped_ = true;
    }
    while (at + 1 < in_.size()) {
      const char32_t unit = next_unit(at);
      if (is_high_surrogate(unit)) {
        if (at + 3 >= in_.size() && !at_end_) break;  // its pair is in the next read
        const char32_t low = at + 3 < in_.size() ? next_unit(at + 2) : 0;
        if (is_low_surrogate(low)) {
          append_utf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), out_);
          at += 4;
          continue;
        }
        append_utf8(kReplacement, out_);
      } else {
        append_utf8(is_low_surrogate(unit) ? kReplacement : unit, out_);
      }
      at += 2;
    }
    in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(std::min(at, in_.size())));
    if (at_end_) in_.clear();  // an odd last byte
  }
  return true;
}

std::size_t Utf16Source::read(std::span<char> buffer) {
  if (buffer.empty()) return 0;
  if (out_pos_ == out_.size() && !decode_more()) return 0;
  const std::size_t n = std::min(buffer.size(), out_.size() - out_pos_);
  std::copy_n(out_.data() + out_pos_, n, buffer.data());
  out_pos_ += n;
  return n;
}

}  // namespace logdx::input
