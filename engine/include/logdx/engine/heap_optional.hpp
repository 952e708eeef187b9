#pragma once
// An optional value kept behind one pointer: a value type (copies copy the value) with
// std::optional's interface, for large members that are often absent or often moved. The
// built-in pack's RuleDefs are decoded into one vector and moved into the collector's at every
// start; with `correlate` (~1 KB) and `match` inline a RuleDef was 2.3 KB, so the two vectors
// were ~0.9 MB of fresh pages at every start (a fresh page costs tens of microseconds on a VM).

#include <memory>
#include <optional>
#include <utility>

namespace logdx {

template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT: implicit, as std::optional
  HeapOptional(T value)            // NOLINT: implicit, as std::optional
      : value_(std::make_unique<T>(std::move(value))) {}
  HeapOptional(std::optional<T> value)  // NOLINT: implicit, from a reader's optional
      : value_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) HeapOptional(other).value_.swap(value_);
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  ~HeapOptional() = default;

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  template <typename... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }
  void reset() { value_.reset(); }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace logdx
