#include "docker/docker_text.hpp"

#include "grammar/time.hpp"

namespace logdx::docker {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The fixed layout of RFC3339NanoFixed after the shared grammar accepted the stamp.
bool is_nano_fixed(std::string_view text) {
  if (text.size() < 30 || text[10] != 'T' || text[19] != '.') return false;
  for (std::size_t i = 20; i < 29; ++i) {
    if (!is_digit(text[i])) return false;
  }
  return text[29] == 'Z' || text[29] == '+' || text[29] == '-';
}

}  // namespace

bool parse_nano_stamp(std::string_view& in, Timestamp& out, std::string_view& text) {
  std::string_view rest = in;
  Timestamp t;
  std::string_view stamp;
  if (!grammar::iso8601(rest, t, stamp) || !is_nano_fixed(stamp)) return false;
  out = t;
  text = stamp;
  in = rest;
  return true;
}

std::size_t sgr_length(std::string_view in) {
  if (in.size() < 3 || in[0] != '\x1b' || in[1] != '[') return 0;
  for (std::size_t i = 2; i < in.size() && i < 32; ++i) {
    const char c = in[i];
    if (c == 'm') return i + 1;
    if (!is_digit(c) && c != ';') return 0;
  }
  return 0;
}

std::string_view skip_sgr(std::string_view in, bool resets_only) {
  while (const std::size_t n = sgr_length(in)) {
    const std::string_view params = in.substr(2, n - 3);
    if (resets_only && !(params.empty() || params == "0" || params == "39")) break;
    in.remove_prefix(n);
  }
  return in;
}

std::string strip_sgr(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (const std::size_t n = sgr_length(in)) {
      in.remove_prefix(n);
    } else {
      out.push_back(in.front());
      in.remove_prefix(1);
    }
  }
  return out;
}

std::string_view trim_spaces(std::string_view in) {
  while (!in.empty() && in.front() == ' ') in.remove_prefix(1);
  while (!in.empty() && in.back() == ' ') in.remove_suffix(1);
  return in;
}

}  // namespace logdx::docker
