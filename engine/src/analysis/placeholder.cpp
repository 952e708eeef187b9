#include "analysis/placeholder.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace logdx::analysis {
namespace {

bool is_name_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return alpha || (!first && c >= '0' && c <= '9');
}

bool is_filter_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

bool is_argument_char(char c) { return c != '{' && c != '}' && c != '|' && c != '\n' && c != '\r'; }

// The length of the run of characters from `from` that `accept` takes.
template <typename Accept>
std::size_t run_length(std::string_view text, std::size_t from, Accept accept) {
  std::size_t end = from;
  while (end < text.size() && accept(text[end])) ++end;
  return end - from;
}

// A decimal number as logs print sizes: digits, optionally a fraction ("1998", "15.9").
std::optional<double> positive_number(std::string_view text) {
  const std::size_t whole = run_length(text, 0, [](char c) { return c >= '0' && c <= '9'; });
  if (whole == 0 || whole > 15) return std::nullopt;
  std::size_t end = whole;
  if (end < text.size() && text[end] == '.') {
    const std::size_t fraction =
        run_length(text, end + 1, [](char c) { return c >= '0' && c <= '9'; });
    if (fraction == 0) return std::nullopt;
    end += 1 + fraction;
  }
  if (end != text.size()) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, value);
  if (ec != std::errc() || !(value > 0)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Placeholder> placeholder_at(std::string_view text, std::size_t open) {
  if (open >= text.size() || text[open] != '{') return std::nullopt;
  Placeholder p;
  std::size_t at = open + 1;
  std::size_t name = 0;
  while (at + name < text.size() && is_name_char(text[at + name], name == 0)) ++name;
  if (name == 0) return std::nullopt;
  p.name = text.substr(at, name);
  at += name;
  while (at < text.size() && text[at] == '|') {
    const std::size_t filter = run_length(text, at + 1, is_filter_char);
    if (filter == 0) return std::nullopt;
    PlaceholderFilter f{text.substr(at + 1, filter), {}};
    at += 1 + filter;
    if (at < text.size() && text[at] == ':') {
      // An empty argument is one: `{svc|or:}` is "the value, or nothing". Refusing it left the
      // whole placeholder unread, so lint passed it and titles printed it as written.
      const std::size_t argument = run_length(text, at + 1, is_argument_char);
      f.argument = text.substr(at + 1, argument);
      f.has_argument = true;
      at += 1 + argument;
    }
    p.filters.push_back(f);
  }
  if (at >= text.size() || text[at] != '}') return std::nullopt;
  p.length = at + 1 - open;
  return p;
}

std::optional<PlaceholderFilter> unknown_filter(const Placeholder& p) {
  for (const PlaceholderFilter& f : p.filters) {
    const bool known = (f.name == "above" && !f.has_argument) || (f.name == "or" && f.has_argument);
    if (!known) return f;
  }
  return std::nullopt;
}

std::optional<std::string> filtered_value(const Placeholder& p, std::optional<std::string> value) {
  for (const PlaceholderFilter& f : p.filters) {
    if (f.name == "above") {
      value = value ? step_above(*value) : std::nullopt;
    } else if (f.name == "or") {
      if (!value || value->empty()) value = std::string(f.argument);
    } else {
      return std::nullopt;  // the loader refuses unknown filters; never guess one's meaning
    }
  }
  return value;
}

// V8 aborts when the old space reaches its limit, so the heap a dying process shows is about
// the limit in force: the next round number (2048 for a 1998 MB heap) would leave almost no
// room, so the step is at least half as much again. Powers of two and 1.5 times them are the
// sizes people and docs use (1536, 2048, 3072, 4096), so the value reads as chosen, not
// computed.
std::optional<std::string> step_above(std::string_view value) {
  const auto number = positive_number(value);
  if (!number) return std::nullopt;
  const double wanted = *number * 1.5;
  for (std::uint64_t power = 1; power <= (std::uint64_t{1} << 52); power *= 2) {
    if (static_cast<double>(power) >= wanted) return std::to_string(power);
    if (power >= 2 && static_cast<double>(power + power / 2) >= wanted) {
      return std::to_string(power + power / 2);
    }
  }
  return std::nullopt;
}

}  // namespace logdx::analysis
