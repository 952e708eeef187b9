// Timestamp grammars in Boost.Spirit X3. Semantic actions write into a TimeParts reached
// through x3::with<>, so one small grammar per stamp shape stays declarative and
// allocation-free; the conversion to a Timestamp is shared in finish().

#include "grammar/time.hpp"

#include <array>
#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "grammar/ascii_chars.hpp"
#include "grammar/month_names.hpp"

namespace logdx::grammar {
namespace {

namespace x3 = boost::spirit::x3;

struct TimeParts {
  int year = 0;
  unsigned month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string_view fraction;
  bool has_zone = false;
  bool zone_is_utc_name = false;
  int offset_sign = 1;
  unsigned offset_hours = 0, offset_minutes = 0;
  std::int64_t whole_seconds = 0;  // for monotonic and unix-seconds stamps
};

struct parts_tag;

template <typename Context>
TimeParts& parts(Context& ctx) {
  return x3::get<parts_tag>(ctx).get();
}

template <typename Member>
auto setter(Member member) {
  return [member](auto& ctx) { parts(ctx).*member = x3::_attr(ctx); };
}

const auto set_fraction = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  parts(ctx).fraction = std::string_view(&*range.begin(), range.size());
};
const auto set_utc = [](auto& ctx) {
  parts(ctx).has_zone = true;
  parts(ctx).zone_is_utc_name = true;
};
const auto set_sign = [](auto& ctx) {
  parts(ctx).has_zone = true;
  parts(ctx).offset_sign = x3::_attr(ctx) == '-' ? -1 : 1;
};
const auto set_month_name = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  const unsigned m = month_from_abbrev(std::string_view(&*range.begin(), range.size()));
  if (m == 0) x3::_pass(ctx) = false;
  parts(ctx).month = m;
};
// strftime's %b in the host's locale: "mars", "janv.", "Mär", "мар" (see month_names.hpp).
const auto set_local_month_name = [](auto& ctx) {
  auto& range = x3::_attr(ctx);
  const unsigned m = month_from_name(std::string_view(&*range.begin(), range.size()));
  if (m == 0) x3::_pass(ctx) = false;
  parts(ctx).month = m;
};

const x3::uint_parser<unsigned, 10, 4, 4> d4;
const x3::uint_parser<unsigned, 10, 2, 2> d2;
const x3::uint_parser<unsigned, 10, 1, 2> d12;
const x3::uint_parser<std::int64_t, 10, 1, 12> seconds_digits;

const auto year4 = d4[([](auto& ctx) { parts(ctx).year = static_cast<int>(x3::_attr(ctx)); })];
const auto month2 = d2[setter(&TimeParts::month)];
const auto day2 = d2[setter(&TimeParts::day)];
const auto day12 = d12[setter(&TimeParts::day)];
const auto hms = d2[setter(&TimeParts::hour)] >> ':' >> d2[setter(&TimeParts::minute)] >> ':' >>
                 d2[setter(&TimeParts::second)];
const auto fraction = x3::lit('.') >> x3::raw[+grammar::ascii::digit][set_fraction];
const auto fraction_comma = x3::char_(".,") >> x3::raw[+grammar::ascii::digit][set_fraction];
const auto numeric_offset = x3::char_("+-")[set_sign] >> d2[setter(&TimeParts::offset_hours)] >>
                            -x3::lit(':') >> d2[setter(&TimeParts::offset_minutes)];
const auto zone = x3::lit('Z')[set_utc] | numeric_offset;
const auto month_name = x3::raw[x3::repeat(3)[grammar::ascii::alpha]][set_month_name];
// A localised name is letters (any UTF-8 byte) and maybe a closing '.', never a digit or blank.
const auto name_byte = ~x3::char_(" \t0123456789:/.[]");
const auto local_month_name = x3::raw[x3::repeat(std::size_t{2}, kMaxMonthNameBytes)[name_byte] >>
                                      -x3::lit('.')][set_local_month_name];
// %b of the CJK locales is the month's number and a counter word: zh_CN "7月", zh_TW and ja_JP
// " 7月", ko_KR " 7월" (glibc abmon; 1-9 padded with a blank in all but zh_CN).
constexpr std::string_view kMonthWordZh = "\xE6\x9C\x88";  // 月 U+6708
constexpr std::string_view kMonthWordKo = "\xEC\x9B\x94";  // 월 U+C6D4
static_assert(kMonthWordZh.size() == kMonthWordKo.size());
const auto cjk_month_name = *x3::lit(' ') >> d12[setter(&TimeParts::month)] >>
                            (x3::lit(kMonthWordZh.data()) | x3::lit(kMonthWordKo.data()));
// %a: "Tue", or localised ("mar.", "Di", "вт"); only its shape is checked.
const auto weekday = x3::repeat(std::size_t{2}, kMaxMonthNameBytes)[name_byte] >> -x3::lit('.');
const auto spaces = +x3::lit(' ');

const auto iso_rule = year4 >> '-' >> month2 >> '-' >> day2 >> x3::lit('T') >> hms >>
                      -fraction_comma >> -zone;
const auto iso_space_rule = year4 >> '-' >> month2 >> '-' >> day2 >> x3::lit(' ') >> hms >>
                            -fraction_comma >> -(zone | (x3::lit(' ') >> numeric_offset));
const auto bsd_rule =
    (local_month_name | cjk_month_name) >> spaces >> day12 >> ' ' >> hms >> -fraction;
const auto ctime_rule = weekday >> ' ' >> (local_month_name | cjk_month_name) >> spaces >> day12 >>
                        ' ' >> hms >> -fraction >> ' ' >> year4;
const auto utc_word = (x3::lit("UTC") | x3::lit("GMT"))[set_utc];
const auto other_zone_word = +grammar::ascii::alpha;
const auto weekday_iso_rule = weekday >> ' ' >> year4 >> '-' >> month2 >> '-' >> day2 >> ' ' >>
                              hms >> -fraction >>
                              -(' ' >> (utc_word | numeric_offset | other_zone_word));
const auto slash_rule = year4 >> '/' >> month2 >> '/' >> day2 >> ' ' >> hms >> -fraction;
const auto clf_rule =
    day2 >> '/' >> month_name >> '/' >> year4 >> ':' >> hms >> -fraction >> ' ' >> numeric_offset;
const auto pm2_dash_rule = year4 >> '-' >> month2 >> '-' >> day2 >> '-' >> hms;
const auto monotonic_rule = x3::lit('[') >> *x3::lit(' ') >>
                            seconds_digits[setter(&TimeParts::whole_seconds)] >> fraction
                            >> x3::lit(']');
const auto unix_rule = seconds_digits[setter(&TimeParts::whole_seconds)] >> -fraction;

// `name_byte`'s set as a table: asked of the first bytes of every line a stamp-led parser is
// offered, where a search of the excluded set per byte was a tenth of the plain-text path.
constexpr std::array<bool, 256> name_bytes() {
  std::array<bool, 256> out{};
  out.fill(true);
  for (char c : std::string_view(" \t0123456789:/.[]")) out[static_cast<unsigned char>(c)] = false;
  return out;
}
constexpr std::array<bool, 256> kNameBytes = name_bytes();

bool is_name_byte(char c) { return kNameBytes[static_cast<unsigned char>(c)]; }

// Where `name{2,max} '.'? ' '` (a %a or %b name and its blank) ends at the front of `in`, or
// npos: a necessary condition checked before the grammar, so that prose ("worker 3: ...")
// does not cost a month-name lookup per word.
std::size_t after_name(std::string_view in) {
  std::size_t n = 0;
  while (n < in.size() && n <= kMaxMonthNameBytes && is_name_byte(in[n])) ++n;
  if (n < 2 || n > kMaxMonthNameBytes) return std::string_view::npos;
  if (n < in.size() && in[n] == '.') ++n;
  return n < in.size() && in[n] == ' ' ? n + 1 : std::string_view::npos;
}

bool is_digit_at(std::string_view in, std::size_t at) {
  return at < in.size() && in[at] >= '0' && in[at] <= '9';
}

// Where a CJK `%b` (blanks, one or two digits, 月 or 월) and its blank end, or npos.
std::size_t after_cjk_month(std::string_view in) {
  std::size_t at = 0;
  while (at < in.size() && in[at] == ' ') ++at;
  if (!is_digit_at(in, at)) return std::string_view::npos;
  ++at;
  if (is_digit_at(in, at)) ++at;
  const std::string_view rest = in.substr(at);
  if (!rest.starts_with(kMonthWordZh) && !rest.starts_with(kMonthWordKo)) {
    return std::string_view::npos;
  }
  at += kMonthWordZh.size();  // both words are three bytes of UTF-8
  return at < in.size() && in[at] == ' ' ? at + 1 : std::string_view::npos;
}

// `bsd_rule`'s shape up to its hour: name, blanks, a one- or two-digit day, a blank, two digits
// and a colon.
bool may_be_bsd(std::string_view in) {
  std::size_t at = after_name(in);
  if (at == std::string_view::npos) at = after_cjk_month(in);
  if (at == std::string_view::npos) return false;
  while (at < in.size() && in[at] == ' ') ++at;
  if (!is_digit_at(in, at)) return false;
  ++at;
  if (is_digit_at(in, at)) ++at;
  return at + 3 < in.size() && in[at] == ' ' && is_digit_at(in, at + 1) &&
         is_digit_at(in, at + 2) && in[at + 3] == ':';
}

bool valid_civil(const TimeParts& p) {
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 && p.hour <= 23 &&
         p.minute <= 59 && p.second <= 60;
}

// Runs `rule` at the front of `in`, then converts the parts with `finish`.
template <typename Rule, typename Finish>
bool run(const Rule& rule, std::string_view& in, Timestamp& out, std::string_view& text,
         Finish finish) {
  TimeParts p;
  const char* first = in.data();
  const char* const last = in.data() + in.size();
  const auto grammar = x3::with<parts_tag>(std::ref(p))[rule];
  if (!x3::parse(first, last, grammar)) return false;
  Timestamp t;
  if (!finish(p, t)) return false;
  const auto used = static_cast<std::size_t>(first - in.data());
  text = in.substr(0, used);
  in.remove_prefix(used);
  out = t;
  return true;
}

bool finish_civil(const TimeParts& p, Timestamp& t) {
  if (!valid_civil(p)) return false;
  const Fraction f = fraction_from_digits(p.fraction);
  std::int64_t secs = seconds_from_civil(p.year, p.month, p.day, p.hour, p.minute, p.second);
  t.kind = TimeKind::local;
  if (p.has_zone) {
    if (!p.zone_is_utc_name) {
      secs -=
          p.offset_sign * static_cast<std::int64_t>(p.offset_hours * 3600 + p.offset_minutes * 60);
    }
    t.kind = TimeKind::utc;
  }
  if (!plausible_time_seconds(secs)) return false;  // year 0000 or 9999: no time, no overflow
  t.nanos = secs * 1000000000 + f.nanos;
  t.precision = f.precision;
  return true;
}

}  // namespace

bool iso8601(std::string_view& in, Timestamp& out, std::string_view& text) {
  // Both rules start "YYYY-": most lines that reach here (plain text's every line, each
  // boundary the prefix peeler tries) do not, and the grammars cost far more to say so.
  if (!(is_digit_at(in, 0) && is_digit_at(in, 1) && is_digit_at(in, 2) && is_digit_at(in, 3) &&
        in.size() > 4 && in[4] == '-')) {
    return false;
  }
  return run(iso_rule, in, out, text, finish_civil) ||
         run(iso_space_rule, in, out, text, finish_civil);
}

bool may_start_bsd_syslog(std::string_view in) { return may_be_bsd(in); }

// `weekday_iso_rule`'s shape up to its year: name, a blank, four digits and a dash.
bool may_start_weekday_iso(std::string_view in) {
  const std::size_t at = after_name(in);
  return at != std::string_view::npos && is_digit_at(in, at) && is_digit_at(in, at + 1) &&
         is_digit_at(in, at + 2) && is_digit_at(in, at + 3) && at + 4 < in.size() &&
         in[at + 4] == '-';
}

bool bsd_syslog(std::string_view& in, int year, Timestamp& out, std::string_view& text) {
  if (!may_be_bsd(in)) return false;
  return run(bsd_rule, in, out, text, [year](TimeParts& p, Timestamp& t) {
    p.year = year;
    if (!finish_civil(p, t)) return false;
    t.year_inferred = true;
    return true;
  });
}

bool ctime(std::string_view& in, Timestamp& out, std::string_view& text) {
  if (after_name(in) == std::string_view::npos) return false;
  return run(ctime_rule, in, out, text, finish_civil);
}

bool weekday_iso(std::string_view& in, Timestamp& out, std::string_view& text) {
  if (!may_start_weekday_iso(in)) return false;
  return run(weekday_iso_rule, in, out, text, finish_civil);
}

bool slash_datetime(std::string_view& in, Timestamp& out, std::string_view& text) {
  return run(slash_rule, in, out, text, finish_civil);
}

bool clf(std::string_view& in, Timestamp& out, std::string_view& text) {
  return run(clf_rule, in, out, text, finish_civil);
}

bool pm2_dash(std::string_view& in, Timestamp& out, std::string_view& text) {
  return run(pm2_dash_rule, in, out, text, finish_civil);
}

bool bracket_monotonic(std::string_view& in, Timestamp& out, std::string_view& text) {
  return run(monotonic_rule, in, out, text, [](const TimeParts& p, Timestamp& t) {
    if (!plausible_time_seconds(p.whole_seconds)) return false;
    const Fraction f = fraction_from_digits(p.fraction);
    t.kind = TimeKind::monotonic;
    t.nanos = p.whole_seconds * 1000000000 + f.nanos;
    t.precision = f.precision;
    return true;
  });
}

bool unix_seconds(std::string_view& in, Timestamp& out, std::string_view& text) {
  return run(unix_rule, in, out, text, [](const TimeParts& p, Timestamp& t) {
    // Ten digits or more: a real epoch time, not a small counter.
    if (p.whole_seconds < 100000000 || !plausible_time_seconds(p.whole_seconds)) return false;
    const Fraction f = fraction_from_digits(p.fraction);
    t.kind = TimeKind::utc;
    t.nanos = p.whole_seconds * 1000000000 + f.nanos;
    t.precision = f.precision;
    return true;
  });
}

}  // namespace logdx::grammar
