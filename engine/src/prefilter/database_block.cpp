// DatabaseBlock: see database_block.hpp for why the pack's database lives in memory of its own.
#include "prefilter/database_block.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <utility>

namespace logdx::prefilter {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// `size` bytes (a multiple of kHugePage) of anonymous memory starting on a kHugePage boundary,
// or null. mmap aligns to 4 KiB only, so map one huge page more and unmap the slack around.
void* map_aligned(std::size_t size) {
  const std::size_t span = size + kHugePage;
  void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = round_up(start, kHugePage);
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t end = start + span;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
  void* block = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
  madvise(block, size, MADV_HUGEPAGE);  // a hint: refused (no THP) is fine
#endif
  return block;
}

}  // namespace

DatabaseBlock::~DatabaseBlock() { release(); }

DatabaseBlock::DatabaseBlock(DatabaseBlock&& other) noexcept
    : base_(std::exchange(other.base_, nullptr)), size_(std::exchange(other.size_, 0)) {}

DatabaseBlock& DatabaseBlock::operator=(DatabaseBlock&& other) noexcept {
  if (this != &other) {
    release();
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void DatabaseBlock::release() {
  if (base_ != nullptr) munmap(base_, size_);
  base_ = nullptr;
  size_ = 0;
}

#ifdef LOGDX_HAVE_HYPERSCAN
hs_database_t* DatabaseBlock::deserialize(std::string_view serialized, DatabaseBlock& block) {
  block.release();
  std::size_t needed = 0;
  if (hs_serialized_database_size(serialized.data(), serialized.size(), &needed) != HS_SUCCESS) {
    return nullptr;
  }
  const std::size_t size = round_up(needed, kHugePage);
  void* memory = map_aligned(size);
  if (memory == nullptr) return nullptr;
  block.base_ = memory;
  block.size_ = size;
  auto* db = static_cast<hs_database_t*>(memory);
  if (hs_deserialize_database_at(serialized.data(), serialized.size(), db) != HS_SUCCESS) {
    block.release();
    return nullptr;
  }
  return db;
}
#endif

}  // namespace logdx::prefilter
