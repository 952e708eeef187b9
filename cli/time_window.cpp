#include "time_window.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>

#include "time_arg.hpp"

namespace logdx::cli {
namespace {

constexpr std::int64_t kNanos = 1'000'000'000;

}  // namespace

WallClock WallClock::system() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&seconds, &local);
  return WallClock{
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count(),
      local.tm_gmtoff};
}

TimeBound parse_time_bound(std::string_view option, std::string_view text, const WallClock& clock) {
  std::string error;
  const auto arg = read_time_arg(text, clock.now_utc_nanos, clock.local_offset_seconds, error);
  if (!arg) throw std::invalid_argument(fmt::format("{}: {}", option, error));
  const std::int64_t offset = clock.local_offset_seconds * kNanos;
  if (arg->wall_clock) return TimeBound{arg->nanos - offset, arg->nanos};
  return TimeBound{arg->nanos, arg->nanos + offset};
}

}  // namespace logdx::cli
