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
  return looks_binary_bytes(std::string_view(head.data(), filled));
}

bool looks_binary_bytes(std::string_view head) {
  std::size_t control = 0;
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != 0x1b) ++control;
  }
  return control * 100 > head.size() * 3;
}

}  // namespace logdx::input
