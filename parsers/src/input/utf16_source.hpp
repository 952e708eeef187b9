#pragma once
// UTF-16 text read as UTF-8. Windows PowerShell 5.1 writes UTF-16LE with a byte-order mark
// for `>` and Out-File (`openclaw logs > gateway.log`, `pm2 logs > pm2.txt`), and such a file
// is what a Windows user hands on. Recognised by its BOM only (FF FE little-endian, FE FF
// big-endian; the BOM itself is dropped): without one, UTF-16 is not told from binary.
// Unpaired surrogates become U+FFFD; an odd last byte is dropped.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

enum class Utf16Order { little, big };

// The byte order a head starting with a UTF-16 BOM says, if it does.
std::optional<Utf16Order> utf16_bom(std::span<const char> head);

class Utf16Source final : public ByteSource {
 public:
  // `inner` still holds the BOM (it is skipped here).
  Utf16Source(std::unique_ptr<ByteSource> inner, Utf16Order order);

  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return inner_->size_hint(); }
  bool transcoded() const override { return true; }

 private:
  bool decode_more();
  char32_t next_unit(std::size_t at) const;

  std::unique_ptr<ByteSource> inner_;
  Utf16Order order_;
  std::vector<char> in_;  // UTF-16 bytes read, not yet decoded (a cut pair or code unit)
  std::string out_;       // UTF-8 decoded, not yet handed out
  std::size_t out_pos_ = 0;
  bool bom_skipped_ = false;
  bool at_end_ = false;
};

}  // namespace logdx::input
