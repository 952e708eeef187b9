#pragma once
// One compiled rule pattern, built on first use. The built-in pack's patterns were compiled
// once at build time (the pack generator fails the build on any that RE2 refuses), so at run
// time a pattern is compiled only when the prefilter names its rule for some event: a one-line
// input compiles a handful instead of every pattern of every rule. A user's pattern is compiled
// by the rule compiler right away, because its errors must be reported at load.
// Thread-safe: `analyze -j` workers may ask for the same pattern at once (std::call_once).

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "logdx/engine/shared_text.hpp"

namespace logdx {

class RuleRegex {
 public:
  // Compiled on first get().
  RuleRegex(SharedText pattern, std::int64_t max_mem);
  // Already compiled (the compiler checked it).
  explicit RuleRegex(std::unique_ptr<const RE2> compiled);
  RuleRegex(const RuleRegex&) = delete;
  RuleRegex& operator=(const RuleRegex&) = delete;

  const RE2& get() const;
  const RE2& operator*() const { return get(); }
  // Whether get() has compiled it (for tests of the laziness).
  bool compiled() const;

 private:
  SharedText pattern_;  // shared with the CompiledPattern's `expanded`
  std::int64_t max_mem_ = 0;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const RE2> re_;
};

}  // namespace logdx
