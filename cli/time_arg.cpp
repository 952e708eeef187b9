#include "time_arg.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <utility>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::cli {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kDay = 86400 * kSecond;
constexpr std::int64_t kMaxSpan = 100LL * 366 * kDay;  // a century: beyond it, a typo

// journalctl's units (systemd's parse_sec). A unit must end where the letters end, so "min"
// is not "m"; case matters (M is a month, m a minute).
struct Unit {
  std::string_view name;
  std::int64_t nanos;
};
constexpr std::array<Unit, 28> kUnits{{
    {"seconds", kSecond},
    {"second", kSecond},
    {"minutes", 60 * kSecond},
    {"minute", 60 * kSecond},
    {"months", 2629800 * kSecond},
    {"month", 2629800 * kSecond},
    {"hours", 3600 * kSecond},
    {"hour", 3600 * kSecond},
    {"weeks", 7 * kDay},
    {"week", 7 * kDay},
    {"years", 31557600 * kSecond},
    {"year", 31557600 * kSecond},
    {"days", kDay},
    {"day", kDay},
    {"usec", 1000},
    {"msec", 1000000},
    {"sec", kSecond},
    {"min", 60 * kSecond},
    {"hr", 3600 * kSecond},
    {"us", 1000},
    {"ms", 1000000},
    {"s", kSecond},
    {"m", 60 * kSecond},
    {"h", 3600 * kSecond},
    {"d", kDay},
    {"w", 7 * kDay},
    {"M", 2629800 * kSecond},
    {"y", 31557600 * kSecond},
}};

void skip_spaces(std::string_view& text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
}

std::optional<std::int64_t> take_unit(std::string_view& text) {
  for (const Unit& unit : kUnits) {
    if (text.substr(0, unit.name.size()) != unit.name) continue;
    const std::string_view rest = text.substr(unit.name.size());
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front()))) continue;
    text.remove_prefix(unit.name.size());
    return unit.nanos;
  }
  return std::nullopt;
}

// "1h30m", "1h 30min", "2 days": one or more number-unit pairs; a number needs its unit.
std::optional<std::int64_t> span_nanos(std::string_view text) {
  std::int64_t total = 0;
  skip_spaces(text);
  if (text.empty()) return std::nullopt;
  while (!text.empty()) {
    std::int64_t number = 0;
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
      number = number * 10 + (text[digits] - '0');
      if (number > kMaxSpan / kSecond) return std::nullopt;
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    text.remove_prefix(digits);
    skip_spaces(text);
    const auto unit = take_unit(text);
    if (!unit || number > (kMaxSpan - total) / *unit) return std::nullopt;
    total += number * *unit;
    skip_spaces(text);
  }
  return total;
}

// A time of today: "18:41" or "18:41:13", as nanoseconds after midnight.
std::optional<std::int64_t> time_of_day(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool colon = i % 3 == 2;
    if (colon != (text[i] == ':')) return std::nullopt;
    if (!colon) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      parts[i / 3] = parts[i / 3] * 10 + (text[i] - '0');
    }
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return std::nullopt;
  return ((parts[0] * 60LL + parts[1]) * 60 + parts[2]) * kSecond;
}

// ISO-8601 with the parts people leave out: a date alone is midnight, minutes without seconds.
std::optional<Timestamp> iso_time(std::string_view text) {
  std::string full(text);
  if (full.size() == 10) full += "T00:00:00";
  if (full.size() == 16 && full[13] == ':') full += ":00";
  return parse_iso8601(full);
}

std::optional<std::int64_t> day_word(std::string_view text) {
  if (text == "today") return 0;
  if (text == "yesterday") return -kDay;
  if (text == "tomorrow") return kDay;
  return std::nullopt;
}

std::optional<std::int64_t> span_from_now(std::string_view text) {
  constexpr std::string_view kAgo = " ago";
  if (text.size() > kAgo.size() && text.substr(text.size() - kAgo.size()) == kAgo) {
    const auto span = span_nanos(text.substr(0, text.size() - kAgo.size()));
    if (span) return -*span;
    return std::nullopt;
  }
  if (!text.empty() && text.front() == '+') return span_nanos(text.substr(1));
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const auto span = span_nanos(text);
  if (span) return -*span;
  return std::nullopt;
}

}  // namespace

std::optional<TimeArg> read_time_arg(std::string_view text, std::int64_t now_utc_nanos,
                                     std::int64_t local_offset_seconds, std::string& error) {
  const std::int64_t local_now = now_utc_nanos + local_offset_seconds * kSecond;
  const std::int64_t midnight = local_now - ((local_now % kDay) + kDay) % kDay;
  if (text == "now") return TimeArg{now_utc_nanos, false};
  if (const auto day = day_word(text)) return TimeArg{midnight + *day, true};
  if (const auto clock = time_of_day(text)) return TimeArg{midnight + *clock, true};
  if (const auto span = span_from_now(text)) return TimeArg{now_utc_nanos + *span, false};
  if (const auto stamp = iso_time(text)) {
    return TimeArg{stamp->nanos, stamp->kind != TimeKind::utc};
  }
  error = fmt::format(
      "'{}' is not a time: use ISO-8601 (2026-11-24, 2026-11-24 10:00, 2026-11-24T10:00:00Z), "
      "a time of today (18:41), today, yesterday, now, or a span back from now (30m, 2h, 7d, "
      "1h30m, -1h, \"1 hour ago\")",
      text);
  return std::nullopt;
}

std::optional<std::int64_t> parse_time_arg(std::string_view text, SystemTime now,
                                           std::string& error) {
  const auto now_nanos =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  const auto arg = read_time_arg(text, now_nanos, 0, error);
  if (!arg) return std::nullopt;
  return arg->nanos;
}

std::string rfc3339_utc(std::int64_t nanos) {
  Timestamp t;
  t.kind = TimeKind::utc;
  t.precision = TimePrecision::seconds;
  t.nanos = nanos - ((nanos % kSecond) + kSecond) % kSecond;
  return format_timestamp(t);
}

std::string rfc3339_utc(SystemTime time) {
  return rfc3339_utc(
      std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count());
}

}  // namespace logdx::cli
