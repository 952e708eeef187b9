#include "analysis/decisive_line.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "logdx/engine/record_lines.hpp"

namespace logdx::analysis {
namespace {

// Where a pattern's match starts: the line of the message (or of the raw text, for a pattern
// on `raw`) it is in.
struct Located {
  bool in_raw = false;
  std::size_t line = 0;
  std::string_view match;  // what the pattern matched, in the text it ran on
};

std::size_t line_of(std::string_view text, std::size_t offset) {
  return static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::optional<Located> locate_regex(const RE2& re, std::string_view text, bool in_raw) {
  re2::StringPiece whole;
  const re2::StringPiece input(text.data(), text.size());
  if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, &whole, 1)) return std::nullopt;
  std::string_view match(whole.data(), whole.size());
  // A pattern anchored as `(?:^|\n)X` starts its match at the newline before X's line.
  while (match.starts_with('\n')) match.remove_prefix(1);
  const auto offset = static_cast<std::size_t>(match.data() - text.data());
  return Located{in_raw, line_of(text, offset), match};
}

std::optional<Located> locate(const CompiledCondition& condition, const MatchedEvent& event,
                              const std::string& raw) {
  using Kind = Condition::Kind;
  switch (condition.kind) {
    case Kind::regex:
      if (condition.field.empty() || condition.field == "message") {
        return locate_regex(condition.re->get(), event.message_in(raw), false);
      }
      if (condition.field == "raw") return locate_regex(condition.re->get(), raw, true);
      return std::nullopt;  // host, unit, ...: not a line of the record
    case Kind::any:
    case Kind::all:
      for (const CompiledCondition& child : condition.children) {
        if (auto found = locate(child, event, raw)) return found;
      }
      return std::nullopt;
    case Kind::negate:  // what is absent has no line
    case Kind::source:
    case Kind::field_value:
    case Kind::pid_capture:
    case Kind::level:
      break;
  }
  return std::nullopt;
}

std::optional<Located> locate(const CompiledRule& rule, const MatchedEvent& event,
                              const std::string& raw) {
  if (auto found = locate(rule.match, event, raw)) return found;
  if (!rule.correlate) return std::nullopt;
  for (const CompiledCondition& step : rule.correlate->steps) {
    if (auto found = locate(step, event, raw)) return found;
  }
  if (rule.correlate->missing) return locate(*rule.correlate->missing, event, raw);
  return std::nullopt;
}

// The raw line a match in the message came from. The message is the records' messages joined
// (envelopes peeled; a hard-wrapped paste joined with a space, not a newline), so the match's
// own first line is looked for in the raw text; failing that, line n of a message with as many
// lines as the raw text is its line n.
std::size_t raw_line_of(const Located& found, const MatchedEvent& event, const std::string& raw) {
  constexpr std::size_t kNeedle = 80;
  const std::string_view needle = found.match.substr(0, std::min(found.match.find('\n'), kNeedle));
  if (!needle.empty()) {
    if (const auto at = raw.find(needle); at != std::string::npos) return line_of(raw, at);
  }
  const std::size_t raw_lines = line_of(raw, raw.size()) + 1;
  const std::string_view message = event.message_in(raw);
  const std::size_t message_lines = line_of(message, message.size()) + 1;
  return message_lines == raw_lines ? found.line : 0;
}

}  // namespace

std::size_t message_start(const MatchedEvent& event, const std::string& raw, std::size_t line) {
  const std::string_view raw_line = engine::nth_line(raw, line);
  const std::string_view message = event.message_in(raw);
  if (raw_line.empty() || message.empty()) return std::string::npos;
  // The message line this raw line carries: the same line when the record's message has a
  // line per raw line, else the longest message line found in it (blank lines a record
  // absorbed are trimmed from its message, so the counts may differ).
  std::string_view found;
  std::size_t at = std::string::npos;
  const std::size_t message_lines = line_of(message, message.size()) + 1;
  for (std::size_t i = 0; i < message_lines; ++i) {
    const std::string_view candidate = engine::nth_line(message, i);
    if (candidate.size() <= found.size()) continue;
    // The last place: an envelope ends before its message, and nested envelopes repeat words.
    const std::size_t place = raw_line.rfind(candidate);
    if (place == std::string_view::npos) continue;
    found = candidate;
    at = place;
  }
  return at;
}

std::size_t decisive_line(const CompiledRule& rule, const MatchedEvent& event,
                          const std::string& raw) {
  if (raw.find('\n') == std::string::npos) return 0;  // one line: nothing to choose
  const std::optional<Located> found = locate(rule, event, raw);
  if (!found) return 0;
  return found->in_raw ? found->line : raw_line_of(*found, event, raw);
}

}  // namespace logdx::analysis
