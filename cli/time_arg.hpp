#pragma once
// Time arguments of --since, --until and --older-than: ISO-8601 / RFC 3339 ("2026-11-24",
// "2026-11-24T10:00:00Z", "2026-11-24 10:00:00+01:00") or a span back from now ("30m", "2h",
// "7d", "2w"). A date-only or zone-less time is read as UTC, the zone logdx stores.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace logdx::cli {

using SystemTime = std::chrono::system_clock::time_point;

// Nanoseconds since the epoch, or nullopt (with `error` saying why) for text that is neither.
std::optional<std::int64_t> parse_time_arg(std::string_view text, SystemTime now,
                                           std::string& error);

// RFC 3339 UTC with seconds ("2026-11-24T10:00:03Z"), the form the history compares.
std::string rfc3339_utc(std::int64_t nanos);
std::string rfc3339_utc(SystemTime time);

}  // namespace logdx::cli
