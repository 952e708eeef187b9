#pragma once
// Time arguments of --since, --until and --older-than, in the forms journalctl takes too:
// - ISO-8601 / RFC 3339: "2026-11-24", "2026-11-24 10:00", "2026-11-24T10:00:00Z",
//   "2026-11-24 10:00:00+01:00";
// - a time of today: "18:41", "18:41:13"; "today", "yesterday", "tomorrow" (their midnight);
// - "now", and a span from now: "-1h" or "1h" or "1 hour ago" back, "+1h" ahead; a span is one
//   or more number-unit pairs ("1h30m", "1h 30min", "2 days") with journalctl's units
//   (us, ms, s, sec, m, min, h, hr, d, w, M month, y year, and their long names).
// Forms without a zone (a date, a time of day, today) name a wall-clock time: the caller
// decides in which zone it is (the machine's for --since, UTC for the history).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logdx::cli {

using SystemTime = std::chrono::system_clock::time_point;

struct TimeArg {
  std::int64_t nanos = 0;   // since the epoch: UTC, or the wall clock when `wall_clock`
  bool wall_clock = false;  // no zone was given: nanos is a wall-clock time
};

// `now_utc_nanos` and the machine's zone offset (local = utc + offset) place "today" and "18:41".
// Nullopt (with `error` listing the accepted forms) for text that is none of them.
std::optional<TimeArg> read_time_arg(std::string_view text, std::int64_t now_utc_nanos,
                                     std::int64_t local_offset_seconds, std::string& error);

// The same as nanoseconds since the epoch, a zone-less time read as UTC (the zone the history
// stores).
std::optional<std::int64_t> parse_time_arg(std::string_view text, SystemTime now,
                                           std::string& error);

// RFC 3339 UTC with seconds ("2026-11-24T10:00:03Z"), the form the history compares.
std::string rfc3339_utc(std::int64_t nanos);
std::string rfc3339_utc(SystemTime time);

}  // namespace logdx::cli
