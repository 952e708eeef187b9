#include "core/prefix_peeler.hpp"

#include <cctype>
#include <vector>

#include "core/ascii.hpp"
#include "grammar/time.hpp"

namespace logdx {
namespace {

std::string_view trim(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// Where the next candidate inner record starts after `from`, or npos. A boundary is the end
// of a run of spaces that follows `]`, `|`, `:` or `>` (a wrapper's separators), or a run of
// spaces after a token that holds a digit or bracket (a stamp, a pid, `web.1`): a prose word
// ("Service config ...") is no prefix, which keeps the attempts on prose lines to none.
std::size_t next_boundary(std::string_view line, std::size_t from, bool& marked) {
  bool token_marked = false;
  for (std::size_t i = from; i < line.size() && i < PrefixPeeler::kMaxPrefix; ++i) {
    const char c = line[i];
    if (c != ' ') {
      if (is_ascii_digit(c) || c == '[' || c == ']' || c == '|' || c == ':' || c == '>') {
        token_marked = true;
      }
      continue;
    }
    const char before = i > 0 ? line[i - 1] : '\0';
    const bool separator = before == ']' || before == '|' || before == ':' || before == '>';
    std::size_t end = i;
    while (end < line.size() && line[end] == ' ') ++end;
    if (end >= line.size()) return std::string_view::npos;
    const bool wide = end - i >= 2;  // column padding: "web.1  | ", "20:50:48  Received"
    // Blanks that open the line: the paster's indent (" Oct 31 09:12:23 host prog[1]: ..."
    // as the first line in a fence). Two or more were already a boundary as padding; one is
    // the same indent, and the record after it is read whole, its stamp and host included.
    const bool indent = i == 0;
    if (separator || token_marked || wide || indent) {
      marked = separator || token_marked;
      return end;
    }
    i = end - 1;
  }
  return std::string_view::npos;
}

// grep's own prefixes, glued to the line with no space: the file (`grep -r`, several files)
// and the line number (`grep -n`), "/var/log/syslog:1523:Nov 25 04:42:36 gw node[42]: ...".
// Their ends are the positions after the first colons of the line's first word: a file name
// (a path, or a name with a dot) or a number, then at most a number after it. The parsers then
// decide, as for any boundary (a clock time's "12:" leaves "34:56 ..." that no parser claims),
// and `ERROR:root:msg` (Python's logging) or an ISO stamp is no grep prefix at all.
std::vector<std::size_t> grep_prefix_ends(std::string_view line) {
  const auto is_number = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const auto is_file = [](std::string_view s) {
    return s.find('/') != std::string_view::npos || s.find('.') != std::string_view::npos;
  };
  std::vector<std::size_t> ends;
  std::size_t from = 0;
  for (std::size_t i = 0; i < line.size() && i < PrefixPeeler::kMaxPrefix && ends.size() < 2; ++i) {
    const char c = line[i];
    if (c == ':') {
      const std::string_view part = line.substr(from, i - from);
      const bool fits = ends.empty() ? is_number(part) || is_file(part) : is_number(part);
      if (!fits || i + 1 >= line.size() || line[i + 1] == ' ') break;
      ends.push_back(i + 1);
      from = i + 1;
      continue;
    }
    const bool name_char = is_ascii_alnum(c) || c == '/' || c == '.' || c == '_' || c == '-';
    if (!name_char) break;
  }
  return ends;
}

bool is_host_like(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  bool dot = false;
  for (char c : s) {
    if (c == '.') {
      dot = true;
    } else if (!(is_ascii_alnum(c) || c == '-' || c == ':')) {
      return false;
    }
  }
  return dot || s.find(':') != std::string_view::npos;
}

bool is_name_like(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!(is_ascii_alnum(c) || c == '-' || c == '_' || c == '.' || c == '@')) {
      return false;
    }
  }
  return true;
}

// "| api | 0 | errored |": a row of a GitHub Flavored Markdown table (GFM spec, "Tables
// (extension)"), bars at both ends. Its bars are columns, not a wrapper's "service | " prefix:
// peeled there, a row's first cell became a compose service and the rest its message, one
// cell short. (The pack's markdown-table-row format reads the `| time | level | text |` rows.)
bool is_table_row(std::string_view line) {
  std::size_t first = 0;
  while (first < line.size() && line[first] == ' ') ++first;  // most lines: no blank, a letter
  if (first == line.size() || line[first] != '|') return false;
  line = trim(line, " \t");
  return line.size() >= 3 && line.back() == '|';
}

// "MatrixError: ", "DiscordAPIError: ", "java.io.IOException: ": an error class and its colon.
// What follows is that error's message (often "[401] ..." or "[50001] ..." with a status in
// brackets), never a wrapper's record, so no boundary at or after it is a prefix's end.
bool ends_with_error_class(std::string_view prefix) {
  prefix = trim(prefix, " ");
  if (prefix.empty() || prefix.back() != ':') return false;
  prefix.remove_suffix(1);
  std::size_t start = prefix.size();
  while (start > 0 && (is_ascii_alnum(prefix[start - 1]) || prefix[start - 1] == '_' ||
                       prefix[start - 1] == '.' || prefix[start - 1] == '$')) {
    --start;
  }
  const std::string_view name = prefix.substr(start);
  return name.ends_with("Error") || name.ends_with("Exception");
}

bool read_time(std::string_view text, int default_year, Event& event) {
  Timestamp time;
  std::string_view as_written;
  std::string_view rest = text;
  if ((grammar::iso8601(rest, time, as_written) ||
       grammar::slash_datetime(rest, time, as_written) ||
       grammar::bsd_syslog(rest, default_year, time, as_written)) &&
      rest.empty()) {
    event.time = time;
    event.time_text.assign(as_written);
    return true;
  }
  return false;
}

}  // namespace

void apply_prefix(std::string_view prefix, int default_year, Event& event) {
  event.set_field("prefix", prefix);
  const std::string_view core = trim(prefix, " |:>");
  if (core.empty()) return;
  // The first bracketed or blank-separated token is what a wrapper puts first: its time.
  std::string_view first = core;
  if (first.front() == '[') {
    const std::size_t close = first.find(']');
    first = close == std::string_view::npos ? first.substr(1) : first.substr(1, close - 1);
  }
  if (!event.time.has_value() && event.time_text.empty()) {
    if (read_time(first, default_year, event) || read_time(core, default_year, event)) return;
  }
  if (core.front() == '[' && core.back() == ']' && is_host_like(first) && event.host.empty()) {
    event.host.assign(first);  // deploy tools tag each host's output: "[10.0.0.5] "
    return;
  }
  if (prefix.find('|') != std::string_view::npos && is_name_like(core) && event.unit.empty()) {
    event.unit.assign(core);  // compose / foreman / honcho: "service  | "
  }
}

namespace {

std::vector<std::unique_ptr<EnvelopeParser>> specific_parsers(const ParserRegistry& registry,
                                                              const ParserOptions& options) {
  std::vector<std::unique_ptr<EnvelopeParser>> parsers;
  for (const auto& entry : registry.entries()) {
    if (entry.info.specificity > 0) parsers.push_back(entry.factory(options));
  }
  return parsers;
}

}  // namespace

PrefixPeeler::PrefixPeeler(const ParserRegistry& registry, const ParserOptions& options)
    : parsers_(specific_parsers(registry, options)),
      starts_(parsers_),
      default_year_(options.default_year) {}

EnvelopeParser* PrefixPeeler::claim(std::string_view rest, std::uint32_t holds, Event& event) {
  // Every parser here is in its reset state on entry (peel() resets the one that claims, and
  // a refusal resets below), so the start table and then the cheap gate run first, and most
  // parsers cost nothing.
  for (const std::uint16_t index : starts_.candidates(rest, holds)) {
    const auto& parser = parsers_[index];
    if (!parser->may_start(rest)) continue;
    event.clear();
    const LineVerdict verdict = parser->parse_line(rest, event, nullptr);
    // Claimed but learned nothing (a format that takes any text): not a real record.
    const bool learned_nothing =
        event.message.size() >= rest.size() && !event.time.has_value() && event.fields.empty();
    if (verdict != LineVerdict::record || learned_nothing) {
      parser->reset();
      continue;
    }
    return parser.get();
  }
  return nullptr;
}

const EnvelopeParser* PrefixPeeler::peel(std::string_view line, Event& event) {
  // The held bytes of the whole line, read once: each rest is a suffix of it, so they are a
  // superset of the rest's own, which keeps every parser the rest's bytes would keep.
  const std::uint32_t holds = starts_.holds(line);
  for (const std::size_t end : grep_prefix_ends(line)) {
    if (EnvelopeParser* parser = claim(line.substr(end), holds, event)) {
      parser->reset();
      event.set_field("prefix", line.substr(0, end));  // a file and line number: no context
      return parser;
    }
  }
  if (is_table_row(line)) return nullptr;
  std::size_t at = 0;
  for (int k = 0; k < kMaxBoundaries; ++k) {
    bool marked = false;
    at = next_boundary(line, at, marked);
    if (at == std::string_view::npos) return nullptr;
    if (ends_with_error_class(line.substr(0, at))) return nullptr;
    if (EnvelopeParser* parser = claim(line.substr(at), holds, event)) {
      parser->reset();
      apply_prefix(line.substr(0, at), default_year_, event);
      return parser;
    }
  }
  return nullptr;
}

}  // namespace logdx
