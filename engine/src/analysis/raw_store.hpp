#pragma once
// The raw text of the kept events, compressed: on a log full of failures the kept lines' raw
// text was most of what the analysis held, and only the few that become evidence (or the
// timeline, or last words) are ever read again. Texts are appended to a block; a full block
// is compressed (zstd, fast level: log lines repeat, so a block shrinks several times) and a
// text is read back by decompressing its block (the last few are cached, as reads come in
// time order, which interleaves the inputs' blocks).

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logdx::analysis {

// Where one text is: its block, and its place in the block's uncompressed bytes.
struct RawRef {
  std::uint32_t block = 0;
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

class RawStore {
 public:
  RawRef add(std::string_view text);
  // A copy of the text (the block it is in may be decompressed for it).
  // Not thread-safe even though const: it fills a cache of decompressed blocks. Each analyzer
  // part has its own store, and only finish() (one thread) reads texts back.
  std::string text(RawRef ref) const;
  // Appends `part`'s blocks after this store's; a ref into `part` is then valid here once its
  // block is moved on by block_offset(), which this returns.
  std::uint32_t append(RawStore&& part);
  // What the texts take: the compressed blocks and the open one (not the read cache).
  std::size_t bytes() const;

 private:
  void seal();  // compresses the open block
  const std::string& block(std::uint32_t index) const;

  static constexpr std::size_t kBlockBytes = 64 * 1024;
  static constexpr std::size_t kCachedBlocks = 8;
  std::vector<std::string> sealed_;  // compressed blocks
  std::string open_;                 // the block being filled, uncompressed
  // Decompressed blocks, most recently read first: reads in time order across inputs.
  mutable std::list<std::pair<std::uint32_t, std::string>> cache_;
};

}  // namespace logdx::analysis
