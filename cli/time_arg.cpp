#include "time_arg.hpp"

#include <charconv>

#include <fmt/format.h>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::cli {
namespace {

constexpr std::int64_t kSecond = 1000000000;

std::optional<std::int64_t> unit_seconds(char unit) {
  switch (unit) {
    case 's': return 1;
    case 'm': return 60;
    case 'h': return 3600;
    case 'd': return 86400;
    case 'w': return 7 * 86400;
    default: return std::nullopt;
  }
}

std::optional<std::int64_t> span_back(std::string_view text, SystemTime now) {
  if (text.size() < 2) return std::nullopt;
  const auto unit = unit_seconds(text.back());
  if (!unit) return std::nullopt;
  std::int64_t amount = 0;
  const auto digits = text.substr(0, text.size() - 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
  if (ec != std::errc() || end != digits.data() + digits.size() || amount < 0 ||
      amount > 100LL * 366 * 86400 / *unit) {
    return std::nullopt;
  }
  const auto now_nanos =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
  return now_nanos - amount * *unit * kSecond;
}

}  // namespace

std::optional<std::int64_t> parse_time_arg(std::string_view text, SystemTime now,
                                           std::string& error) {
  if (auto back = span_back(text, now)) return back;
  std::string full(text);
  if (full.size() == 10) full += "T00:00:00";  // a date alone: its midnight
  if (auto stamp = parse_iso8601(full)) return stamp->nanos;
  error = fmt::format("'{}' is not a time: use ISO-8601 (2026-11-24, 2026-11-24T10:00:00Z) or "
                      "a span back from now (30m, 2h, 7d, 2w)",
                      text);
  return std::nullopt;
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
