// Split points of glued records. A stamped line names its own shape: its date token ("Mar",
// "janv.", "2026") is searched for further on, and a hit counts only where a whole envelope of
// the same kind starts (stamp and syslog tail for BSD stamps; stamp and a blank for ISO and
// nginx-style stamps), outside double quotes and not right after a blank or a digit.

#include "paste/glued_records.hpp"

#include <cstring>

#include "core/line_shape.hpp"
#include "grammar/time.hpp"
#include "journal/syslog_tail.hpp"

namespace logdx::paste {
namespace {

// Two stamped records are at least this long; shorter lines are never looked at.
constexpr std::size_t kMinGluedLength = 40;
// The time's first ':' sits this close to the start of a stamped line ("janv. 05 02:", 12;
// "2026-03-05T08:", 13; "Tue 2026-02-10 15:", 17).
constexpr std::size_t kMaxTimeColumn = 24;
constexpr int kAnyYear = 2000;  // the year does not matter to whether a BSD stamp parses

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "hh:mm:ss" with its first ':' at `colon`.
bool is_time_at(std::string_view s, std::size_t colon) {
  return colon >= 2 && colon + 6 <= s.size() && is_digit(s[colon - 2]) && is_digit(s[colon - 1]) &&
         is_digit(s[colon + 1]) && is_digit(s[colon + 2]) && s[colon + 3] == ':' &&
         is_digit(s[colon + 4]) && is_digit(s[colon + 5]);
}

std::size_t time_colon(std::string_view s) {
  const std::size_t n = s.size() < kMaxTimeColumn ? s.size() : kMaxTimeColumn;
  const void* hit = std::memchr(s.data(), ':', n);
  if (hit == nullptr) return std::string_view::npos;
  const auto colon = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
  return is_time_at(s, colon) ? colon : std::string_view::npos;
}

// Whether a stamp of the kind that starts `first` (a month name or a year) starts `at`, with
// the envelope that follows such a stamp.
bool envelope_starts(std::string_view at, bool month_name) {
  Timestamp time;
  std::string_view text;
  if (month_name) {
    if (!grammar::bsd_syslog(at, kAnyYear, time, text)) return false;
    journal::SyslogTail tail;
    return journal::parse_syslog_tail(at, tail);
  }
  if (!grammar::iso8601(at, time, text) && !grammar::slash_datetime(at, time, text)) return false;
  return at.size() >= 2 && at[0] == ' ' && at[1] != ' ';
}

// What may end a record that another was glued to: a word, or closing punctuation. A blank,
// '=', ':', a quote or an opening bracket before a stamp means a message that quotes a date.
bool may_end_record(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '}' || c == '>' || static_cast<unsigned char>(c) >= 0x80;
}

std::size_t stamped_glue(std::string_view line) {
  const std::size_t colon = time_colon(line);
  if (colon == std::string_view::npos || colon < 8) return 0;  // no date before the time
  const bool month_name = !is_digit(line.front());
  const std::size_t key_end = line.find_first_of(month_name ? " " : "-/", 0);
  if (key_end == std::string_view::npos || key_end < 3 || key_end >= colon) return 0;
  const std::string_view key = line.substr(0, key_end);
  for (std::size_t at = line.find(key, colon + 6); at != std::string_view::npos;
       at = line.find(key, at + 1)) {
    const char before = line[at - 1];
    if (!may_end_record(before) && !(month_name && is_digit(before))) continue;
    const std::string_view rest = line.substr(at);
    if (time_colon(rest) == std::string_view::npos || !envelope_starts(rest, month_name)) continue;
    if (has_open_quote(line.substr(0, at))) continue;
    // Only now (rarely) ask whether the line itself starts with such a record.
    return envelope_starts(line, month_name) ? at : 0;
  }
  return 0;
}

// "{...}{...}": the first object closes (outside strings) right before the second opens.
std::size_t json_glue(std::string_view line) {
  if (line.back() != '}' || line.find("}{") == std::string_view::npos) return 0;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return line[i + 1] == '{' ? i + 1 : 0;
    }
  }
  return 0;
}

}  // namespace

std::size_t glued_record_start(std::string_view line) {
  if (line.size() < kMinGluedLength) return 0;
  if (line.front() == '{') return json_glue(line);
  const char c = line.front();
  if (c == ' ' || c == '\t' || c == '[') return 0;
  return stamped_glue(line);
}

}  // namespace logdx::paste
