#include "logdx/parsers/timestamp.hpp"

#include <fmt/format.h>

#include <cctype>

#include "grammar/time.hpp"

namespace logdx {

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t seconds_from_civil(int year, unsigned month, unsigned day, unsigned hour,
                                unsigned minute, unsigned second) {
  return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

unsigned month_from_abbrev(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() != 3) return 0;
  char lower[3];
  for (int i = 0; i < 3; ++i)
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  for (unsigned m = 0; m < 12; ++m) {
    if (std::string_view(lower, 3) == kMonths[m]) return m + 1;
  }
  return 0;
}

Fraction fraction_from_digits(std::string_view digits) {
  Fraction f;
  std::int64_t value = 0;
  std::size_t used = 0;
  for (char c : digits) {
    if (used == 9) break;  // below a nanosecond: ignore the rest
    value = value * 10 + (c - '0');
    ++used;
  }
  for (std::size_t i = used; i < 9; ++i) value *= 10;
  f.nanos = value;
  if (digits.empty())
    f.precision = TimePrecision::seconds;
  else if (digits.size() <= 3)
    f.precision = TimePrecision::millis;
  else if (digits.size() <= 6)
    f.precision = TimePrecision::micros;
  else
    f.precision = TimePrecision::nanos;
  return f;
}

namespace {

// Floor division that keeps negative times (before 1970) right.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

struct Civil {
  int year;
  unsigned month, day, hour, minute, second;
};

Civil civil_from_seconds(std::int64_t secs) {
  const std::int64_t days = floor_div(secs, 86400);
  std::int64_t rem = secs - days * 86400;
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  Civil c{y,
          m,
          d,
          static_cast<unsigned>(rem / 3600),
          static_cast<unsigned>(rem % 3600 / 60),
          static_cast<unsigned>(rem % 60)};
  return c;
}

std::string fraction_text(std::int64_t nanos, TimePrecision precision) {
  switch (precision) {
    case TimePrecision::millis:
      return fmt::format(".{:03}", nanos / 1000000);
    case TimePrecision::micros:
      return fmt::format(".{:06}", nanos / 1000);
    case TimePrecision::nanos:
      return fmt::format(".{:09}", nanos);
    default:
      return {};
  }
}

}  // namespace

std::string contract_time(const Timestamp& t, std::string_view as_written) {
  if (t.kind == TimeKind::utc) return format_timestamp(t);
  return std::string(as_written);
}

std::string format_timestamp(const Timestamp& t) {
  if (t.kind == TimeKind::none) return {};
  const std::int64_t secs = floor_div(t.nanos, 1000000000);
  const std::int64_t nanos = t.nanos - secs * 1000000000;
  if (t.kind == TimeKind::monotonic) {
    return fmt::format("{}{}", secs, fraction_text(nanos, t.precision));
  }
  const Civil c = civil_from_seconds(secs);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, fraction_text(nanos, t.precision),
                     t.kind == TimeKind::utc ? "Z" : "");
}

unsigned month_of(const Timestamp& t) {
  if (t.kind != TimeKind::utc && t.kind != TimeKind::local) return 0;
  return civil_from_seconds(floor_div(t.nanos, 1000000000)).month;
}

int year_of(const Timestamp& t) {
  if (t.kind != TimeKind::utc && t.kind != TimeKind::local) return 0;
  return civil_from_seconds(floor_div(t.nanos, 1000000000)).year;
}

Timestamp shift_years(const Timestamp& t, int years) {
  if (t.kind != TimeKind::utc && t.kind != TimeKind::local) return t;
  const std::int64_t secs = floor_div(t.nanos, 1000000000);
  const std::int64_t sub = t.nanos - secs * 1000000000;
  Civil c = civil_from_seconds(secs);
  c.year += years;
  const bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
  if (c.month == 2 && c.day == 29 && !leap) c.day = 28;
  Timestamp out = t;
  out.nanos =
      seconds_from_civil(c.year, c.month, c.day, c.hour, c.minute, c.second) * 1000000000 + sub;
  return out;
}

std::optional<Timestamp> parse_iso8601(std::string_view text) {
  Timestamp out;
  std::string_view written;
  std::string_view rest = text;
  if (!grammar::iso8601(rest, out, written) || !rest.empty()) return std::nullopt;
  return out;
}

}  // namespace logdx
