#pragma once
// A point in time as a log line gave it: absolute (UTC known), local wall clock (zone
// unknown), or monotonic (seconds since boot, raw dmesg), with the precision it was written in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logdx {

enum class TimeKind : std::uint8_t {
  none,   // the line carries no time
  utc,    // an absolute instant: the line gave a zone/offset, or the format is UTC by definition
  local,  // wall-clock time without a zone; stored as if it were UTC, flagged so
  monotonic,  // seconds since boot (raw dmesg, journalctl -o short-monotonic)
};

enum class TimePrecision : std::uint8_t { none, seconds, millis, micros, nanos };

// How long a time of this precision may stand for, in nanoseconds: 18:41:13 is any moment of
// that second (1 for nanoseconds, and for a time whose precision is not known).
inline constexpr std::int64_t precision_span(TimePrecision precision) {
  switch (precision) {
    case TimePrecision::seconds:
      return 1'000'000'000;
    case TimePrecision::millis:
      return 1'000'000;
    case TimePrecision::micros:
      return 1'000;
    case TimePrecision::nanos:
    case TimePrecision::none:
      break;
  }
  return 1;
}

struct Timestamp {
  TimeKind kind = TimeKind::none;
  TimePrecision precision = TimePrecision::none;
  std::int64_t nanos = 0;      // since the Unix epoch (utc/local) or since boot (monotonic)
  bool year_inferred = false;  // syslog stamps have no year; it came from mtime or --year

  bool has_value() const { return kind != TimeKind::none; }
  bool operator==(const Timestamp&) const = default;
};

// The times a log line can plausibly carry, in seconds since the epoch (or since boot):
// 1970 (less a day of zone offset) to 2200. Times are int64 nanoseconds and the engine
// subtracts them (windows, gaps); inside this range no sum or difference can overflow.
// Parsers refuse a stamp outside it (garbage digits, a counter): the line has no time.
inline constexpr std::int64_t kMinTimeSeconds = -86400;
inline constexpr std::int64_t kMaxTimeSeconds = 7'258'118'400;  // 2200-01-01T00:00:00Z
inline constexpr bool plausible_time_seconds(std::int64_t seconds) {
  return seconds >= kMinTimeSeconds && seconds <= kMaxTimeSeconds;
}

// Civil date/time (proleptic Gregorian) to seconds since the epoch, no zone applied.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
std::int64_t seconds_from_civil(int year, unsigned month, unsigned day, unsigned hour,
                                unsigned minute, unsigned second);

// "Jan".."Dec" (case-insensitive) to 1..12; 0 when not a month name.
unsigned month_from_abbrev(std::string_view name);

// Fractional digits as written ("123", "123456", "123456789") to nanoseconds and precision.
struct Fraction {
  std::int64_t nanos = 0;
  TimePrecision precision = TimePrecision::seconds;
};
Fraction fraction_from_digits(std::string_view digits);

// The calendar month (1..12) of a utc/local time; 0 for none/monotonic.
unsigned month_of(const Timestamp& t);
// The calendar year of a utc/local time; 0 for none/monotonic.
int year_of(const Timestamp& t);
// The same wall-clock time `years` years earlier or later (Feb 29 becomes Feb 28).
Timestamp shift_years(const Timestamp& t, int years);

// RFC 3339 UTC text for an absolute time, with as many fraction digits as the precision
// ("2026-11-24T10:00:03.123Z"); local times get no "Z"; monotonic times print seconds since boot.
std::string format_timestamp(const Timestamp& t);

// A time as the contract shows it: RFC 3339 UTC when the log gave enough to know it, else the
// text as the log wrote it (local, monotonic or untimed stamps).
std::string contract_time(const Timestamp& t, std::string_view as_written);

// Parses an ISO-8601 / RFC 3339 stamp ("2026-11-24T10:00:03.123+00:00", "...Z", "...+0000",
// "2026-11-24 10:00:03"): the whole text must be consumed. Used by parsers whose fields hold
// a stamp inside JSON and by tests; envelope grammars use the X3 rule in grammar/time.hpp.
std::optional<Timestamp> parse_iso8601(std::string_view text);

}  // namespace logdx
