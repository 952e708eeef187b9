#pragma once
// Standard input, whatever it is (a pipe, a redirected file, a terminal), read in chunks of
// the caller's size. The descriptor belongs to the process, so it is never closed here.

#include <optional>
#include <string>

#include "logdx/parsers/byte_source.hpp"

namespace logdx::input {

class StdinSource final : public ByteSource {
 public:
  explicit StdinSource(std::string name);
  std::size_t read(std::span<char> buffer) override;
  std::optional<std::uint64_t> size_hint() const override { return size_; }

 private:
  std::string name_;
  std::optional<std::uint64_t> size_;
};

}  // namespace logdx::input
