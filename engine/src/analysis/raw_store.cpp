#include "analysis/raw_store.hpp"

#include <zstd.h>

#include <stdexcept>

namespace logdx::analysis {
namespace {

// Fast: the store is filled while the input is read; a higher level saves little on lines.
constexpr int kLevel = 1;

}  // namespace

RawRef RawStore::add(std::string_view text) {
  // A text longer than a block gets a block of its own.
  if (!open_.empty() && open_.size() + text.size() > kBlockBytes) seal();
  const RawRef ref{static_cast<std::uint32_t>(sealed_.size()),
                   static_cast<std::uint32_t>(open_.size()),
                   static_cast<std::uint32_t>(text.size())};
  open_.append(text);
  return ref;
}

void RawStore::seal() {
  std::string compressed(ZSTD_compressBound(open_.size()), '\0');
  const std::size_t size =
      ZSTD_compress(compressed.data(), compressed.size(), open_.data(), open_.size(), kLevel);
  if (ZSTD_isError(size) != 0) throw std::runtime_error("zstd: cannot compress kept lines");
  compressed.resize(size);
  compressed.shrink_to_fit();
  sealed_.push_back(std::move(compressed));
  open_.clear();
}

const std::string& RawStore::block(std::uint32_t index) const {
  if (index == sealed_.size()) return open_;
  for (auto it = cache_.begin(); it != cache_.end(); ++it) {
    if (it->first != index) continue;
    cache_.splice(cache_.begin(), cache_, it);
    return cache_.front().second;
  }
  const std::string& compressed = sealed_.at(index);
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw std::runtime_error("zstd: a kept block lost its size");
  }
  std::string plain(static_cast<std::size_t>(size), '\0');
  const std::size_t got =
      ZSTD_decompress(plain.data(), plain.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(got) != 0 || got != plain.size()) {
    throw std::runtime_error("zstd: cannot read back kept lines");
  }
  if (cache_.size() == kCachedBlocks) cache_.pop_back();
  cache_.emplace_front(index, std::move(plain));
  return cache_.front().second;
}

std::string RawStore::text(RawRef ref) const {
  return block(ref.block).substr(ref.offset, ref.size);
}

std::size_t RawStore::bytes() const {
  std::size_t total = open_.capacity();
  for (const std::string& block : sealed_) total += block.capacity();
  return total;
}

std::uint32_t RawStore::append(RawStore&& part) {
  if (!open_.empty()) seal();
  const auto offset = static_cast<std::uint32_t>(sealed_.size());
  if (!part.open_.empty()) part.seal();
  for (std::string& block : part.sealed_) sealed_.push_back(std::move(block));
  cache_.clear();
  return offset;
}

}  // namespace logdx::analysis
