// open_byte_source: the raw bytes (file or stdin) sniffed for compression magic, so
// `cat x.gz | logdx parse -` and a gzip file named .log both read as text, and for a UTF-16
// byte-order mark (a file Windows PowerShell wrote), read as UTF-8.

#include <algorithm>
#include <array>
#include <memory>

#include "input/file_source.hpp"
#include "input/gzip_source.hpp"
#include "input/journal_source.hpp"
#include "input/peeked_source.hpp"
#include "input/stdin_source.hpp"
#include "input/utf16_source.hpp"
#include "input/zstd_source.hpp"
#include "logdx/parsers/byte_source.hpp"

namespace logdx {
namespace {

constexpr std::array<unsigned char, 2> kGzipMagic{0x1f, 0x8b};
constexpr std::array<unsigned char, 4> kZstdMagic{0x28, 0xb5, 0x2f, 0xfd};

template <std::size_t N>
bool starts_with(std::span<const char> bytes, const std::array<unsigned char, N>& magic) {
  return bytes.size() >= N &&
         std::equal(magic.begin(), magic.end(), bytes.begin(),
                    [](unsigned char m, char b) { return m == static_cast<unsigned char>(b); });
}

}  // namespace

std::unique_ptr<ByteSource> open_byte_source(const ResolvedInput& input) {
  std::string name = input.display_name.empty() ? input.path : input.display_name;
  if (input.journal) return std::make_unique<input::JournalSource>(*input.journal, name);
  std::unique_ptr<ByteSource> raw;
  if (input.is_stdin) {
    raw = std::make_unique<input::StdinSource>(name);
  } else {
    raw = std::make_unique<input::FileSource>(input.path, name);
  }
  auto peeked = std::make_unique<input::PeekedSource>(std::move(raw));
  const auto head = peeked->peeked();
  if (starts_with(head, kGzipMagic)) {
    return std::make_unique<input::GzipSource>(std::move(peeked), std::move(name));
  }
  if (starts_with(head, kZstdMagic)) {
    return std::make_unique<input::ZstdSource>(std::move(peeked), std::move(name));
  }
  if (const auto order = input::utf16_bom(head)) {
    return std::make_unique<input::Utf16Source>(std::move(peeked), *order);
  }
  return peeked;
}

}  // namespace logdx
