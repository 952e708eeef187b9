#pragma once
// The Hyperscan side of PatternDatabase / LinePrefilter, hidden from the public header so a
// build without Hyperscan compiles the same headers.

#include <cstdint>
#include <functional>
#include <string_view>

#include "logdx/engine/prefilter.hpp"
#include "prefilter/database_block.hpp"

#ifdef LOGDX_HAVE_HYPERSCAN
#include <hs.h>
#endif

namespace logdx {

struct PatternDatabase::Impl {
#ifdef LOGDX_HAVE_HYPERSCAN
  // The pack's database as the build compiled it (ids from 0), and the database of the
  // patterns it does not serve (a user's rules; ids from own_offset). Either may be null.
  // The pack's lives in pack_block (database_block.hpp), the other in Hyperscan's memory.
  hs_database_t* pack = nullptr;
  hs_database_t* own = nullptr;
  prefilter::DatabaseBlock pack_block;
#endif
  std::uint32_t own_offset = 0;
  ~Impl();
};

namespace prefilter {

// Every end offset (exclusive) at which a pattern matches in `text`, with the pattern id.
using MatchSink = std::function<void(std::uint32_t id, std::uint64_t end)>;

class HsScratch {
 public:
  explicit HsScratch(const PatternDatabase& database);
  ~HsScratch();
  HsScratch(const HsScratch&) = delete;
  HsScratch& operator=(const HsScratch&) = delete;
  // False when Hyperscan failed (its hits are then incomplete and must not be relied on).
  bool scan(std::string_view text, const MatchSink& sink);

 private:
  const PatternDatabase& database_;
#ifdef LOGDX_HAVE_HYPERSCAN
  hs_scratch_t* scratch_ = nullptr;
#endif
};

}  // namespace prefilter
}  // namespace logdx
