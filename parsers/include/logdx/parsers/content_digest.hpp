#pragma once
// A running 64-bit digest (XXH3) of the bytes an input delivered, after decompression. The
// history stores it per input so a user can tell "the same logs, analysed again" from new
// ones; XXH3 keeps up with memory speed, so the reader can digest every byte it reads.

#include <memory>
#include <string>
#include <string_view>

namespace logdx {

class ContentDigest {
 public:
  ContentDigest();
  ~ContentDigest();
  ContentDigest(ContentDigest&&) noexcept;
  ContentDigest& operator=(ContentDigest&&) noexcept;

  void update(std::string_view bytes);
  std::string hex() const;  // "xxh3:" and 16 lower-case hex digits

  // The digest of one string, in the same form.
  static std::string of(std::string_view bytes);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace logdx
