#pragma once
// Memory for a deserialized Hyperscan database that logdx maps itself (hs_deserialize_database_at)
// instead of Hyperscan's malloc. Every run copies the built-in pack's ~1 MB database out of the
// binary; into fresh heap pages that is ~250 first-touch page faults, 6-8 ms on a VM where one
// costs 25-30 µs, a fifth of a one-line run. Mapped 2 MB-aligned with MADV_HUGEPAGE, the kernel
// backs it with one transparent huge page where it grants them (THP "always" or "madvise");
// where it does not, it is ordinary pages and costs what the heap did.

#include <cstddef>
#include <string_view>

#ifdef LOGDX_HAVE_HYPERSCAN
#include <hs.h>
#endif

namespace logdx::prefilter {

class DatabaseBlock {
 public:
  DatabaseBlock() = default;
  ~DatabaseBlock();
  DatabaseBlock(const DatabaseBlock&) = delete;
  DatabaseBlock& operator=(const DatabaseBlock&) = delete;
  DatabaseBlock(DatabaseBlock&& other) noexcept;
  DatabaseBlock& operator=(DatabaseBlock&& other) noexcept;

#ifdef LOGDX_HAVE_HYPERSCAN
  // The database of `serialized` in a block of its own; null (and an empty block) when
  // Hyperscan cannot read it or no memory could be mapped.
  static hs_database_t* deserialize(std::string_view serialized, DatabaseBlock& block);
#endif

  bool empty() const { return base_ == nullptr; }

 private:
  void release();

  void* base_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace logdx::prefilter
