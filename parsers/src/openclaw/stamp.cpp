// X3 grammar for openclaw's console stamp, and the "does this line start something else" test
// used by the parsers that join unstamped lines to the open record.

#include "openclaw/stamp.hpp"

#include <array>
#include <boost/spirit/home/x3.hpp>

#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"

namespace logdx::openclaw {
namespace {

namespace x3 = boost::spirit::x3;

const auto d2 = x3::repeat(2)[grammar::ascii::digit];
const auto stamp_shape = x3::repeat(4)[grammar::ascii::digit] >> '-' >> d2 >> '-' >> d2 >> 'T' >>
                         d2 >> ':' >> d2 >> ':' >> d2 >> '.' >>
                         x3::repeat(3)[grammar::ascii::digit] >> x3::char_("+-") >> d2 >> ':' >> d2;
const auto utc_stamp_shape = x3::repeat(4)[grammar::ascii::digit] >> '-' >> d2 >> '-' >> d2 >>
                             'T' >> d2 >> ':' >> d2 >> ':' >> d2 >> '.' >>
                             x3::repeat(3)[grammar::ascii::digit] >> 'Z';
// Node crash output that the RecordJoiner owns: stack frames, native frames, V8 GC lines.
const auto js_frame = +x3::lit(' ') >> x3::lit("at ");
const auto native_frame = *x3::lit(' ') >> +grammar::ascii::digit >> x3::lit(": 0x");
const auto gc_line = x3::lit('[') >> +grammar::ascii::digit >> x3::lit(":0x");
const auto error_header = +grammar::ascii::alpha >> -x3::lit("Error") >> x3::lit(": ");

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

template <typename Rule>
bool prefix_matches(std::string_view line, const Rule& rule) {
  const char* first = line.data();
  return x3::parse(first, line.data() + line.size(), rule);
}

bool starts_with_any_stamp(std::string_view line) {
  Timestamp t;
  std::string_view text;
  std::string_view in = line;
  return grammar::iso8601(in, t, text) || grammar::bsd_syslog(in, 1970, t, text) ||
         grammar::weekday_iso(in, t, text) || grammar::slash_datetime(in, t, text) ||
         grammar::pm2_dash(in, t, text) || grammar::bracket_monotonic(in, t, text);
}

// "TypeError: x" / "Error: x" at the start of a line: an uncaught exception header.
bool is_error_header(std::string_view line) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || colon < 5) return false;
  const std::string_view word = line.substr(0, colon);
  return word.size() >= 5 && word.substr(word.size() - 5) == "Error" &&
         prefix_matches(line, error_header);
}

}  // namespace

bool parse_stamp(std::string_view& in, Timestamp& out, std::string_view& text, bool allow_z) {
  const char* first = in.data();
  if (!x3::parse(first, in.data() + in.size(), stamp_shape)) {
    first = in.data();
    if (!allow_z || !x3::parse(first, in.data() + in.size(), utc_stamp_shape)) return false;
  }
  std::string_view stamp = in.substr(0, static_cast<std::size_t>(first - in.data()));
  std::string_view rest = stamp;
  Timestamp t;
  std::string_view written;
  // The shared grammar converts (and range-checks) what the strict shape accepted.
  if (!grammar::iso8601(rest, t, written) || !rest.empty()) return false;
  out = t;
  text = stamp;
  in.remove_prefix(stamp.size());
  return true;
}

bool looks_like_other_record(std::string_view line) {
  static constexpr std::array<std::string_view, 10> kPrefixes = {
      "{",     "[Gateway std", "<--- ", "FATAL ERROR", "----- ",
      "node:", "Node.js v",    "PM2 ",  "[TAILING]",   "==> "};
  for (auto prefix : kPrefixes) {
    if (starts_with(line, prefix)) return true;
  }
  return starts_with_any_stamp(line) || prefix_matches(line, js_frame) ||
         prefix_matches(line, native_frame) || prefix_matches(line, gc_line) ||
         is_error_header(line);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace logdx::openclaw
