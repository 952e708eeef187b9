// X3 grammars for the dmesg line prefixes. Semantic actions write into a small parts struct
// reached through x3::with<>, as in grammar/time.cpp.

#include "kernel/dmesg_prefix.hpp"

#include <array>
#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "core/ascii.hpp"
#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"

namespace logdx::kernel {
namespace {

namespace x3 = boost::spirit::x3;

// The names util-linux dmesg prints for `-x` (facility codes 0..23).
constexpr std::array<std::string_view, 24> kFacilities = {
    "kern",   "user",   "mail",     "daemon", "auth",   "syslog", "lpr",    "news",
    "uucp",   "cron",   "authpriv", "ftp",    "res0",   "res1",   "res2",   "res3",
    "local0", "local1", "local2",   "local3", "local4", "local5", "local6", "local7"};
constexpr std::array<std::string_view, 8> kLevels = {"emerg", "alert",  "crit", "err",
                                                     "warn",  "notice", "info", "debug"};

struct PrefixParts {
  unsigned priority = 0;
  std::string_view facility;
  std::string_view level;
  std::string_view ident;
  long long pid = 0;
};

struct parts_tag;

template <typename Context>
PrefixParts& parts(Context& ctx) {
  return x3::get<parts_tag>(ctx).get();
}

template <typename Range>
std::string_view view_of(const Range& range) {
  return std::string_view(&*range.begin(), static_cast<std::size_t>(range.size()));
}

const auto set_priority = [](auto& ctx) { parts(ctx).priority = x3::_attr(ctx); };
const auto set_facility = [](auto& ctx) { parts(ctx).facility = view_of(x3::_attr(ctx)); };
const auto set_level = [](auto& ctx) { parts(ctx).level = view_of(x3::_attr(ctx)); };
const auto set_ident = [](auto& ctx) { parts(ctx).ident = view_of(x3::_attr(ctx)); };
const auto set_pid = [](auto& ctx) { parts(ctx).pid = x3::_attr(ctx); };

const x3::uint_parser<unsigned, 10, 1, 3> priority_digits;
const x3::uint_parser<long long, 10, 1, 10> pid_digits;

const auto priority_rule = x3::lit('<') >> priority_digits[set_priority] >> x3::lit('>');
// dmesg pads the facility to 6 and the level to 6 columns before each colon.
const auto decode_rule =
    x3::raw[+grammar::ascii::alnum][set_facility] >>
    *x3::lit(' ') >> x3::lit(':') >> x3::raw[+grammar::ascii::alpha][set_level] >>
    *x3::lit(' ') >> x3::lit(": ");
const auto ident_rule = x3::raw[+(x3::char_ - x3::char_(" \t[]:"))][set_ident] >>
                        x3::lit('[') >> pid_digits[set_pid] >> x3::lit("]: ");

// journalctl -o short-monotonic: `host kernel: ` or `host ident[pid]: `.
const auto host = +(x3::char_ - x3::char_(" :"));
const auto journal_ident_rule = host >> x3::lit(' ') >>
                                (x3::lit("kernel: ") |
                                 (+(x3::char_ - x3::char_(" [:")) >> x3::lit('[') >> pid_digits >>
                                  x3::lit("]: ")));

template <typename Rule>
bool run(const Rule& rule, std::string_view& in, PrefixParts& p) {
  const char* first = in.data();
  const char* const last = in.data() + in.size();
  if (!x3::parse(first, last, x3::with<parts_tag>(std::ref(p))[rule])) return false;
  in.remove_prefix(static_cast<std::size_t>(first - in.data()));
  return true;
}

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  for (auto w : words) {
    if (w == word) return true;
  }
  return false;
}

bool ctime_in_brackets(std::string_view& in, Timestamp& out, std::string_view& text) {
  if (in.empty() || in.front() != '[') return false;
  std::string_view rest = in.substr(1);
  if (!grammar::ctime(rest, out, text) || rest.empty() || rest.front() != ']') return false;
  in = rest.substr(1);
  return true;
}

}  // namespace

bool parse_priority_prefix(std::string_view& in, int& priority) {
  PrefixParts p;
  std::string_view rest = in;
  if (!run(priority_rule, rest, p) || p.priority > 191) return false;
  priority = static_cast<int>(p.priority);
  in = rest;
  return true;
}

bool may_start_decode_prefix(std::string_view in) {
  std::size_t at = 0;
  while (at < in.size() && is_ascii_alnum(in[at])) ++at;
  const std::string_view word = in.substr(0, at);
  while (at < in.size() && in[at] == ' ') ++at;
  // The colon first: prose has a word at the front of nearly every line, and rarely a colon
  // right after it, so the facility names are seldom looked through.
  return at < in.size() && in[at] == ':' && one_of(kFacilities, word);
}

bool parse_decode_prefix(std::string_view& in, std::string_view& facility,
                         std::string_view& level) {
  PrefixParts p;
  std::string_view rest = in;
  if (!run(decode_rule, rest, p)) return false;
  if (!one_of(kFacilities, p.facility) || !one_of(kLevels, p.level)) return false;
  facility = p.facility;
  level = p.level;
  in = rest;
  return true;
}

bool parse_bracket_stamp(std::string_view& in, StampShapes shapes, Timestamp& out,
                         std::string_view& text) {
  std::string_view rest = in;
  if (shapes != StampShapes::ctime && grammar::bracket_monotonic(rest, out, text)) {
    in = rest;
    return true;
  }
  if (shapes != StampShapes::monotonic && ctime_in_brackets(rest, out, text)) {
    in = rest;
    return true;
  }
  return false;
}

bool parse_ident_pid(std::string_view& in, std::string_view& ident, long long& pid) {
  PrefixParts p;
  std::string_view rest = in;
  if (!run(ident_rule, rest, p)) return false;
  ident = p.ident;
  pid = p.pid;
  in = rest;
  return true;
}

bool looks_like_journal_host_ident(std::string_view message) {
  const char* first = message.data();
  return x3::parse(first, message.data() + message.size(), journal_ident_rule);
}

std::string_view facility_name(int code) {
  if (code < 0 || code >= static_cast<int>(kFacilities.size())) return {};
  return kFacilities[static_cast<std::size_t>(code)];
}

}  // namespace logdx::kernel
