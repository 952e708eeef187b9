#include "formats/declared_time.hpp"

#include <cctype>

#include "grammar/time.hpp"

namespace logdx::formats {
namespace {

constexpr std::string_view kDirectives = "YymdeHMSbfzTF%";

bool digits(std::string_view& in, std::size_t min, std::size_t max, unsigned& out) {
  std::size_t n = 0;
  out = 0;
  while (n < max && n < in.size() && std::isdigit(static_cast<unsigned char>(in[n]))) {
    out = out * 10 + static_cast<unsigned>(in[n] - '0');
    ++n;
  }
  if (n < min) return false;
  in.remove_prefix(n);
  return true;
}

bool literal(std::string_view& in, std::string_view lit) {
  if (in.substr(0, lit.size()) != lit) return false;
  in.remove_prefix(lit.size());
  return true;
}

// "Z", "+00:00", "+0000": seconds east of UTC.
bool zone(std::string_view& in, std::int64_t& offset) {
  if (literal(in, "Z")) return offset = 0, true;
  if (in.empty() || (in[0] != '+' && in[0] != '-')) return false;
  const int sign = in[0] == '-' ? -1 : 1;
  in.remove_prefix(1);
  unsigned hours = 0;
  unsigned minutes = 0;
  if (!digits(in, 2, 2, hours)) return false;
  literal(in, ":");
  if (!digits(in, 2, 2, minutes)) return false;
  offset = sign * static_cast<std::int64_t>(hours * 3600 + minutes * 60);
  return true;
}

struct Civil {
  int year = -1;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
  Fraction fraction;
  std::optional<std::int64_t> offset;
};

bool directive(char d, std::string_view& in, Civil& c) {
  unsigned v = 0;
  switch (d) {
    case 'Y':
      return digits(in, 4, 4, v) && (c.year = static_cast<int>(v), true);
    case 'y':
      return digits(in, 2, 2, v) && (c.year = 2000 + static_cast<int>(v), true);
    case 'm':
      return digits(in, 1, 2, c.month);
    case 'd':
      return digits(in, 1, 2, c.day);
    case 'e':
      return (literal(in, " "), digits(in, 1, 2, c.day));
    case 'H':
      return digits(in, 1, 2, c.hour);
    case 'M':
      return digits(in, 2, 2, c.minute);
    case 'S':
      return digits(in, 2, 2, c.second);
    case 'b': {
      c.month = month_from_abbrev(in.substr(0, 3));
      if (c.month == 0) return false;
      in.remove_prefix(3);
      return true;
    }
    case 'f': {
      std::size_t n = 0;
      while (n < 9 && n < in.size() && std::isdigit(static_cast<unsigned char>(in[n]))) ++n;
      if (n == 0) return false;
      c.fraction = fraction_from_digits(in.substr(0, n));
      in.remove_prefix(n);
      return true;
    }
    case 'z': {
      std::int64_t offset = 0;
      if (!zone(in, offset)) return false;
      c.offset = offset;
      return true;
    }
    case 'T':
      return directive('H', in, c) && literal(in, ":") && directive('M', in, c) &&
             literal(in, ":") && directive('S', in, c);
    case 'F':
      return directive('Y', in, c) && literal(in, "-") && directive('m', in, c) &&
             literal(in, "-") && directive('d', in, c);
    case '%':
      return literal(in, "%");
    default:
      return false;
  }
}

bool read_strftime(std::string_view pattern, std::string_view in, int default_year,
                   Timestamp& out) {
  Civil c;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size()) {
      if (!directive(pattern[++i], in, c)) return false;
    } else if (in.empty() || in.front() != pattern[i]) {
      return false;
    } else {
      in.remove_prefix(1);
    }
  }
  if (!in.empty() || c.hour > 23 || c.minute > 59 || c.second > 60) return false;
  if (c.month == 0 || c.day == 0) return true;  // a time of day only: no clock time
  if (c.month > 12 || c.day > 31) return false;
  const bool year_inferred = c.year < 0;
  const int year = year_inferred ? default_year : c.year;
  std::int64_t seconds = seconds_from_civil(year, c.month, c.day, c.hour, c.minute, c.second);
  if (c.offset) seconds -= *c.offset;
  if (!plausible_time_seconds(seconds)) return false;
  out.kind = c.offset ? TimeKind::utc : TimeKind::local;
  out.precision = c.fraction.precision;
  out.nanos = seconds * 1'000'000'000 + c.fraction.nanos;
  out.year_inferred = year_inferred;
  return true;
}

// "20:50:48", "20:50:48.123", "8:05:01": a time of day.
bool read_time_only(std::string_view in) {
  unsigned h = 0, m = 0, s = 0;
  if (!digits(in, 1, 2, h) || !literal(in, ":") || !digits(in, 2, 2, m) || !literal(in, ":") ||
      !digits(in, 2, 2, s)) {
    return false;
  }
  if (literal(in, ".") || literal(in, ",")) {
    unsigned ignored = 0;
    if (!digits(in, 1, 9, ignored)) return false;
  }
  return in.empty() && h < 24 && m < 60 && s <= 60;
}

// A grammar function that must consume all of `text`.
template <typename Grammar>
bool whole(std::string_view text, Timestamp& out, Grammar grammar) {
  std::string_view rest = text;
  std::string_view as_written;
  return grammar(rest, out, as_written) && rest.empty();
}

}  // namespace

std::optional<DeclaredTime> DeclaredTime::parse(std::string_view format) {
  DeclaredTime t;
  if (format.empty()) return t;
  if (format == "iso8601") return t.kind_ = Kind::iso8601, t;
  if (format == "syslog") return t.kind_ = Kind::syslog, t;
  if (format == "epoch") return t.kind_ = Kind::epoch, t;
  if (format == "time-only") return t.kind_ = Kind::time_only, t;
  bool any = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 >= format.size() || kDirectives.find(format[i + 1]) == std::string_view::npos) {
      return std::nullopt;
    }
    any = true;
    ++i;
  }
  if (!any) return std::nullopt;
  t.kind_ = Kind::strftime;
  t.pattern_ = std::string(format);
  return t;
}

bool DeclaredTime::read(std::string_view text, int default_year, Timestamp& out) const {
  out = Timestamp{};
  switch (kind_) {
    case Kind::none:
      return true;
    case Kind::iso8601:
      return whole(text, out, grammar::iso8601);
    case Kind::epoch:
      return whole(text, out, grammar::unix_seconds);
    case Kind::time_only:
      return read_time_only(text);
    case Kind::strftime:
      return read_strftime(pattern_, text, default_year, out);
    case Kind::syslog: {
      std::string_view rest = text;
      std::string_view as_written;
      return grammar::bsd_syslog(rest, default_year, out, as_written) && rest.empty();
    }
  }
  return false;
}

}  // namespace logdx::formats
