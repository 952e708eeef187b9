#include "paste/fullwidth.hpp"

#include <cstring>

namespace logdx::paste {
namespace {

// U+FF01..U+FF5E are EF BC 81..EF BC BF and EF BD 80..EF BD 9E in UTF-8; U+3000 is E3 80 80.
// Returns the ASCII byte the 3-byte sequence at text[i] stands for, or 0.
char fullwidth_at(std::string_view text, std::size_t i) {
  if (i + 2 >= text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (b0 == 0xE3) return b1 == 0x80 && b2 == 0x80 ? ' ' : 0;
  if (b0 != 0xEF) return 0;
  if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) return static_cast<char>(b2 - 0x81 + '!');
  if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) return static_cast<char>(b2 - 0x80 + '`');
  return 0;
}

// The next position at or after `from` whose byte may start a folded form.
std::size_t next_lead(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0xEF || b == 0xE3) return i;
  }
  return std::string_view::npos;
}

}  // namespace

bool has_fullwidth(std::string_view text) {
  // Most lines hold neither lead byte: two memchr passes decide without a byte loop.
  if (std::memchr(text.data(), 0xEF, text.size()) == nullptr &&
      std::memchr(text.data(), 0xE3, text.size()) == nullptr) {
    return false;
  }
  for (std::size_t i = next_lead(text, 0); i != std::string_view::npos; i = next_lead(text, i + 1)) {
    if (fullwidth_at(text, i) != 0) return true;
  }
  return false;
}

void fold_fullwidth_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (const char ascii = fullwidth_at(text, i); ascii != 0) {
      out.push_back(ascii);
      i += 3;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
}

}  // namespace logdx::paste
