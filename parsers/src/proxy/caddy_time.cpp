#include "proxy/caddy_time.hpp"

#include <cctype>
#include <cmath>

#include "grammar/time.hpp"

namespace logdx::proxy {
namespace {

namespace dom = simdjson::dom;

constexpr double kMillisThreshold = 1e11;  // seconds would be in the year 5138
constexpr double kNanosThreshold = 1e17;

// The number token after the top-level "ts" key as written, so that the stamp keeps every
// digit Caddy printed (a double would round the sub-microsecond digits).
std::string_view raw_ts_token(std::string_view line) {
  std::size_t at = line.find("\"ts\"");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 4;
  while (i < line.size() && (line[i] == ' ' || line[i] == ':')) ++i;
  const std::size_t start = i;
  while (i < line.size() &&
         (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.' || line[i] == 'e' ||
          line[i] == 'E' || line[i] == '+' || line[i] == '-')) {
    ++i;
  }
  return line.substr(start, i - start);
}

bool set_from_number(std::string_view line, double value, Event& event) {
  if (!(value > 0) || !std::isfinite(value)) return false;
  // In seconds, whichever unit it is written in; beyond the plausible range it is no time
  // (and converting it to int64 nanoseconds would overflow).
  const double seconds =
      value >= kNanosThreshold ? value / 1e9 : value >= kMillisThreshold ? value / 1e3 : value;
  if (seconds > static_cast<double>(kMaxTimeSeconds)) return false;
  const std::string_view token = raw_ts_token(line);
  Timestamp t;
  t.kind = TimeKind::utc;
  if (value >= kNanosThreshold) {
    t.nanos = static_cast<std::int64_t>(value);
    t.precision = TimePrecision::nanos;
  } else if (value >= kMillisThreshold) {
    t.nanos = std::llround(value * 1e6);
    t.precision = TimePrecision::millis;
  } else {
    std::string_view rest = token;
    std::string_view text;
    Timestamp exact;
    // Trust the digits as written only when they are the value simdjson read.
    if (grammar::unix_seconds(rest, exact, text) && rest.empty() &&
        std::fabs(static_cast<double>(exact.nanos) - value * 1e9) < 1e6) {
      t = exact;
    } else {
      t.nanos = std::llround(value * 1e9);
      t.precision = TimePrecision::micros;
    }
  }
  event.time = t;
  event.time_text.assign(token);
  return true;
}

bool set_from_string(std::string_view text, Event& event) {
  if (auto iso = parse_iso8601(text)) {
    event.time = *iso;
  } else {
    std::string_view rest = text;
    std::string_view used;
    Timestamp t;
    const bool ok = grammar::slash_datetime(rest, t, used) || grammar::clf(rest, t, used) ||
                    grammar::unix_seconds(rest, t, used);
    if (!ok || !rest.empty()) return false;
    event.time = t;
  }
  event.time_text.assign(text);
  return true;
}

}  // namespace

bool set_caddy_time(std::string_view line, const dom::element& ts, Event& event) {
  switch (ts.type()) {
    case dom::element_type::DOUBLE:
      return set_from_number(line, double(ts), event);
    case dom::element_type::INT64: {
      const std::int64_t value = std::int64_t(ts);
      if (!set_from_number(line, static_cast<double>(value), event)) return false;
      // unix_nano is an integer: keep it exact rather than rounded through a double.
      if (event.time.precision == TimePrecision::nanos) event.time.nanos = value;
      return true;
    }
    case dom::element_type::UINT64:
      return set_from_number(line, double(std::uint64_t(ts)), event);
    case dom::element_type::STRING:
      return set_from_string(std::string_view(ts), event);
    default:
      return false;
  }
}

}  // namespace logdx::proxy
