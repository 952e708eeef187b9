#include "paste/markdown.hpp"

#include <algorithm>

namespace logdx::paste {
namespace {

constexpr std::size_t kMaxFenceIndent = 3;

// Skips up to 3 spaces; returns false if the line is indented further (a code block, not a fence).
bool skip_fence_indent(std::string_view& line) {
  std::size_t spaces = 0;
  while (spaces < line.size() && line[spaces] == ' ') ++spaces;
  if (spaces > kMaxFenceIndent) return false;
  line.remove_prefix(spaces);
  return true;
}

std::size_t count_leading(std::string_view line, char c) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == c) ++n;
  return n;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// "`text`." or "_text_, " in prose: the sentence's punctuation follows the closing run. Returns
// the line without that punctuation (and blanks after it) when one of `closers` precedes it, so
// the span can still cover the whole line; otherwise the line unchanged.
std::string_view without_sentence_end(std::string_view line, std::string_view closers = "`") {
  const std::size_t end = line.find_last_not_of(" \t");
  if (end == std::string_view::npos) return line;
  const std::size_t last = line.find_last_not_of(".,;:!?", end);
  if (last == end || last == std::string_view::npos ||
      closers.find(line[last]) == std::string_view::npos) {
    return line;
  }
  return line.substr(0, last + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Info strings people put on fences around logs (GitHub linguist names and aliases).
bool is_language_tag(std::string_view word) {
  static constexpr std::string_view kTags[] = {
      "log",        "logs",      "text",    "txt",        "plain",      "plaintext",
      "console",    "shell",     "sh",      "bash",       "zsh",        "shell-session",
      "sh-session", "session",   "output",  "json",       "jsonl",      "js",
      "javascript", "ts",        "yaml",    "yml",        "ini",        "nginx",
      "systemd",    "diff",      "none",    "cmd",        "powershell", "ps1",
      "python",     "py",        "go",      "sql",        "xml",        "toml",
      "conf",       "accesslog", "apache",  "dockerfile", "docker",     "properties",
      "raw",        "terminal",  "journal", "syslog"};
  for (const std::string_view tag : kTags) {
    if (word.size() != tag.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      const char c = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] + 32) : word[i];
      same = c == tag[i];
    }
    if (same) return true;
  }
  return false;
}

bool starts_like_log_record(std::string_view text);

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// A stamp's first digits: "2026-02-08", "2026/10/20", "13:25:13".
bool starts_like_stamp(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 5 && is_digit(text[digits])) ++digits;
  if (digits == text.size()) return false;
  const char after = text[digits];
  // "apache2: ..." and "python3: can't open file" are programs: a clock has digits after ':'.
  return (digits == 4 && (after == '-' || after == '/')) ||
         ((digits == 1 || digits == 2) && after == ':' && digits + 1 < text.size() &&
          is_digit(text[digits + 1]));
}

// What a log record starts with when a fence's language tag is glued to it: a bracket or a
// brace ("[gateway]", "[ 12.3]", JSON), a stamp, a month and a day, a level or other word in
// capitals ("FATAL ERROR:", "ERROR ", "WARN:"), or an error's class ("Error:", "TypeError:",
// "Error [ERR_X]:", "SyntaxException:"). A capitalised word that is no error's class
// ("Message: ...", "Started ...") is not enough: "consoleMessage:" may be a name.
bool starts_record_after_tag(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  if (c == '{') return true;
  // "systemd[1]: ...", "nginx[4635]: ...": a tag's name and pid, not a tag glued to "[...]".
  if (c == '[') return text.size() < 2 || !is_digit(text[1]);
  if (is_digit(c)) return starts_like_stamp(text);
  if (!is_upper(c)) return false;
  std::size_t word = 0;
  bool capitals = true;
  for (; word < text.size() && is_alpha(text[word]); ++word) {
    if (!is_upper(text[word])) capitals = false;
  }
  if (word == text.size()) return false;
  const char after = text[word];
  const std::string_view name = text.substr(0, word);
  if (capitals && word >= 2) return after == ' ' || after == ':';
  const bool error_class = name.ends_with("Error") || name.ends_with("Exception");
  return (error_class && (after == ':' || text.substr(word, 2) == " [")) ||
         starts_like_log_record(text);
}

// What follows a fence marker: "" (plain opener), a language tag, or glued log text.
std::string_view glued_fence_content(std::string_view info) {
  info = trim(info);
  if (info.empty()) return {};
  const std::size_t blank = info.find(' ');
  const std::string_view first = info.substr(0, blank);
  if (is_language_tag(first)) {
    return blank == std::string_view::npos ? std::string_view() : trim(info.substr(blank));
  }
  if (const std::size_t tag = glued_language_tag(info); tag > 0) return info.substr(tag);
  const char c = info.front();
  if (blank != std::string_view::npos || is_digit(c) || c == '[' || c == '{') return info;
  return {};  // one unknown word: an info string ("```journalctl")
}

// A log record's first bytes: a digit (a stamp, a pid), '[' or '{' (a bracketed stamp, JSON),
// or a month name (2-8 bytes, maybe a '.') then blanks and a day: "Mar  6", "janv. 05";
// inline markup in front ("`Mar 06", "**2026-") does not count.
bool starts_like_log_record(std::string_view text) {
  while (!text.empty() && (text.front() == '`' || text.front() == '*')) text.remove_prefix(1);
  if (text.empty()) return false;
  const char c = text.front();
  if (is_digit(c) || c == '[' || c == '{') return true;
  if (!is_alpha(c) && static_cast<unsigned char>(c) < 0x80) return false;
  std::size_t i = 0;
  while (i < text.size() && i <= 8 && text[i] != ' ' && text[i] != '.' && !is_digit(text[i])) ++i;
  if (i < 2 || i > 8) return false;
  if (i < text.size() && text[i] == '.') ++i;
  if (i >= text.size() || text[i] != ' ') return false;
  while (i < text.size() && text[i] == ' ') ++i;
  return i < text.size() && is_digit(text[i]);
}

}  // namespace

std::size_t glued_language_tag(std::string_view line) {
  constexpr std::size_t kLongestTag = 10;  // "powershell"; "plaintext" is 9
  std::size_t run = 0;
  while (run < line.size() && run <= kLongestTag && is_lower(line[run])) ++run;
  if (run < 2 || run > kLongestTag || !is_language_tag(line.substr(0, run))) return 0;
  return starts_record_after_tag(line.substr(run)) ? run : 0;
}

std::size_t strip_quote_markers(std::string_view& line, std::size_t max_depth) {
  std::size_t depth = 0;
  while (depth < max_depth && !line.empty() && line.front() == '>') {
    line.remove_prefix(1);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    ++depth;
  }
  return depth;
}

std::optional<Fence> opening_fence(std::string_view line) {
  const std::size_t before = line.size();
  if (!skip_fence_indent(line) || line.empty()) return std::nullopt;
  const std::size_t indent = before - line.size();
  const char marker = line.front();
  if (marker != '`' && marker != '~') return std::nullopt;
  const std::size_t length = count_leading(line, marker);
  if (length < 3) return std::nullopt;
  if (marker == '`' && line.find('`', length) != std::string_view::npos) return std::nullopt;
  return Fence{marker, length, indent, glued_fence_content(line.substr(length))};
}

std::optional<std::string_view> glued_closer(std::string_view line, Fence open) {
  std::string_view text = trim(line);
  std::size_t run = 0;
  while (run < text.size() && text[text.size() - 1 - run] == open.marker) ++run;
  if (run < open.length || run == text.size()) return std::nullopt;
  text = trim(text.substr(0, text.size() - run));
  if (text.empty()) return std::nullopt;
  return text;
}

bool strip_one_sided_markup(std::string_view& line) {
  bool changed = false;
  if (line.size() > 3 && line.substr(0, 2) == "**" && line[2] != '*' && line[2] != ' ' &&
      line.find("**", 2) == std::string_view::npos) {
    line.remove_prefix(2);
    changed = true;
  } else if (line.size() > 3 && line.substr(line.size() - 2) == "**" &&
             line[line.size() - 3] != '*' && line[line.size() - 3] != ' ' &&
             line.find("**") == line.size() - 2) {
    line.remove_suffix(2);
    changed = true;
  }
  if (line.find('`') != std::string_view::npos) {
    const std::size_t lead = count_leading(line, '`');
    std::size_t trail = 0;
    while (trail < line.size() && line[line.size() - 1 - trail] == '`') ++trail;
    const std::size_t all = static_cast<std::size_t>(std::count(line.begin(), line.end(), '`'));
    if (lead > 0 && lead <= 2 && all == lead && line.size() > lead) {
      line.remove_prefix(lead);
      changed = true;
    } else if (trail > 0 && trail <= 2 && all == trail && line.size() > trail) {
      line.remove_suffix(trail);
      changed = true;
    }
  }
  return changed;
}

bool may_be_numbered_item(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && is_digit(line[i])) ++i;
  return i > 0 && i < 4 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') &&
         line[i + 1] == ' ';
}

bool strip_list_marker(std::string_view& line) {
  std::size_t marker = 0;
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    marker = 2;
  } else if (may_be_numbered_item(line)) {
    marker = line.find(' ') + 1;
  }
  if (marker == 0) return false;
  std::string_view rest = line.substr(marker);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // A bullet holding one whole inline code span ("- `unauthorized: ...`") is how an issue
  // lists the error lines it quotes, whatever they start with.
  std::string_view span = rest;
  if (!starts_like_log_record(rest) && !strip_code_span(span)) return false;
  line = rest;
  return true;
}

bool closes_fence(std::string_view line, Fence open) {
  if (!skip_fence_indent(line)) return false;
  const std::size_t length = count_leading(line, open.marker);
  return length >= open.length && is_blank(line.substr(length));
}

bool strip_code_span(std::string_view& whole) {
  std::string_view line = without_sentence_end(whole);
  const std::size_t ticks = count_leading(line, '`');
  if (ticks == 0 || line.size() <= 2 * ticks) return false;
  std::string_view inner = line.substr(ticks, line.size() - 2 * ticks);
  // The closing run must be exactly as long as the opening one and not touch inner ticks.
  if (line.substr(line.size() - ticks) != line.substr(0, ticks)) return false;
  if (inner.front() == '`' || inner.back() == '`') return false;
  if (inner.find(line.substr(0, ticks)) != std::string_view::npos) return false;
  if (inner.size() >= 2 && inner.front() == ' ' && inner.back() == ' ' && !is_blank(inner)) {
    inner = inner.substr(1, inner.size() - 2);
  }
  if (is_blank(inner)) return false;
  whole = inner;
  return true;
}

bool strip_emphasis_span(std::string_view& whole) {
  std::string_view line = trim(without_sentence_end(whole, "_*"));
  if (line.size() < 3 || (line.front() != '_' && line.front() != '*')) return false;
  const char marker = line.front();
  // "_x_", "__x__" and "*x*"; "**x**" is bold, which unbold handles with its "**label**" form.
  const std::size_t run = std::min<std::size_t>(count_leading(line, marker), 3);
  if (run > 2 || (marker == '*' && run != 1) || line.size() <= 2 * run) return false;
  if (line.substr(line.size() - run) != line.substr(0, run)) return false;
  const std::string_view inner = line.substr(run, line.size() - 2 * run);
  // CommonMark flanking: no blank just inside the markers, and the closing run is exactly as
  // long as the opening one.
  if (inner.front() == ' ' || inner.back() == ' ' || inner.front() == marker ||
      inner.back() == marker) {
    return false;
  }
  whole = inner;
  return true;
}

std::optional<std::size_t> leading_bold_close(std::string_view line) {
  if (line.size() < 5 || line[0] != '*' || line[1] != '*') return std::nullopt;
  if (line[2] == '*' || line[2] == ' ') return std::nullopt;
  const std::size_t close = line.find("**", 3);
  if (close == std::string_view::npos || line[close - 1] == ' ') return std::nullopt;
  return close;
}

}  // namespace logdx::paste
