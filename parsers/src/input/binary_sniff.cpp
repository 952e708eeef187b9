#include "input/binary_sniff.hpp"

#include <array>
#include <cstring>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

bool looks_binary(const ResolvedInput& input) {
  const auto source = open_byte_source(input);
  std::array<char, kBinarySniffBytes> head{};
  std::size_t filled = 0;
  try {
    while (filled < head.size()) {
      const std::size_t got = source->read(std::span<char>(head).subspan(filled));
      if (got == 0) break;
      filled += got;
    }
  } catch (const InputError&) {
    if (filled == 0 && source->compression() == Compression::none) throw;
  }
  return std::memchr(head.data(), '\0', filled) != nullptr;
}

}  // namespace logdx::input
