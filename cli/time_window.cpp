#include "time_window.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>

namespace logdx::cli {
namespace {

constexpr std::int64_t kNanos = 1'000'000'000;

std::optional<std::int64_t> relative_seconds(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  std::int64_t number = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9' || number > 1'000'000'000) return std::nullopt;
    number = number * 10 + (c - '0');
  }
  switch (text.back()) {
    case 's':
      return number;
    case 'm':
      return number * 60;
    case 'h':
      return number * 3600;
    case 'd':
      return number * 86400;
    case 'w':
      return number * 7 * 86400;
    default:
      return std::nullopt;
  }
}

// ISO-8601 with the parts people leave out: a date alone is midnight, minutes without seconds.
std::optional<Timestamp> absolute_time(std::string_view text) {
  std::string full(text);
  if (full.size() == 10) full += "T00:00:00";
  if (full.size() == 16 && full[13] == ':') full += ":00";
  return parse_iso8601(full);
}

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
  const std::int64_t offset = clock.local_offset_seconds * kNanos;
  if (const auto seconds = relative_seconds(text)) {
    const std::int64_t utc = clock.now_utc_nanos - *seconds * kNanos;
    return TimeBound{utc, utc + offset};
  }
  if (const auto time = absolute_time(text)) {
    if (time->kind == TimeKind::local) return TimeBound{time->nanos - offset, time->nanos};
    return TimeBound{time->nanos, time->nanos + offset};
  }
  throw std::invalid_argument(
      fmt::format("{}: '{}' is not a time; use ISO-8601 (2026-11-24T10:00:00Z, 2026-11-24 10:00, "
                  "2026-11-24) or a relative time (90s, 30m, 2h, 7d, 1w)",
                  option, text));
}

}  // namespace logdx::cli
