#include "logdx/parsers/content_digest.hpp"

#include <xxhash.h>

#include <fmt/format.h>

namespace logdx {

struct ContentDigest::State {
  XXH3_state_t* xxh = XXH3_createState();
  State() { XXH3_64bits_reset(xxh); }
  ~State() { XXH3_freeState(xxh); }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
};

ContentDigest::ContentDigest() : state_(std::make_unique<State>()) {}
ContentDigest::~ContentDigest() = default;
ContentDigest::ContentDigest(ContentDigest&&) noexcept = default;
ContentDigest& ContentDigest::operator=(ContentDigest&&) noexcept = default;

void ContentDigest::update(std::string_view bytes) {
  XXH3_64bits_update(state_->xxh, bytes.data(), bytes.size());
}

std::string ContentDigest::hex() const {
  return fmt::format("xxh3:{:016x}", XXH3_64bits_digest(state_->xxh));
}

std::string ContentDigest::of(std::string_view bytes) {
  return fmt::format("xxh3:{:016x}", XXH3_64bits(bytes.data(), bytes.size()));
}

}  // namespace logdx
