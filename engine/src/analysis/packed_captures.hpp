#pragma once
// A kept hit's captures in one string: kept hits live to the end of the run, and as a vector of
// string pairs each capture costs 64 bytes before its text (about a kilobyte a hit on a rule
// with five captures, once the vector's spare capacity is counted). The string is shared and
// never changed: hits of the same failure usually capture the same values (the same upstream,
// app and exit code; several rules on one line), so they can hold one copy (Matcher).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "logdx/engine/condition_eval.hpp"

namespace logdx::analysis {

class PackedCaptures {
 public:
  PackedCaptures() = default;
  explicit PackedCaptures(const Captures& captures) : PackedCaptures(share(pack(captures))) {}
  // Captures packed by pack(), shared with whoever holds the same.
  explicit PackedCaptures(std::shared_ptr<const std::string> packed) : text_(std::move(packed)) {}

  static std::string pack(const Captures& captures);
  static std::shared_ptr<const std::string> share(std::string packed) {
    return std::make_shared<const std::string>(std::move(packed));
  }
  // The packed form (empty when nothing was captured), to compare with another pack().
  std::string_view packed() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  const std::shared_ptr<const std::string>& shared() const { return text_; }

  // Whether `name` was captured; `value` then views it (valid while this object lives).
  bool find(std::string_view name, std::string_view& value) const;
  // The captures as the evaluator gave them (same order).
  Captures unpack() const;
  // Adds to `into` each capture whose name it does not hold yet (merge_captures).
  void merge_into(Captures& into) const;

 private:
  // Calls f(name, value) for each capture in order; stops when f returns true.
  template <typename F>
  bool visit(F f) const;

  // Each capture as: name length, value length (4 bytes each, native order), name, value.
  // Lengths, not separators: a value cut from a log line may hold any byte.
  std::shared_ptr<const std::string> text_;
};

}  // namespace logdx::analysis
