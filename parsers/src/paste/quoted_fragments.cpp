#include "paste/quoted_fragments.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

#include "core/tool_blocks.hpp"

namespace logdx::paste {
namespace {

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";         // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";        // ”
constexpr std::string_view kOpenCurlySingle = "\xE2\x80\x98";   // ‘
constexpr std::string_view kCloseCurlySingle = "\xE2\x80\x99";  // ’ (also an apostrophe)

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool holds_blank(std::string_view text) { return text.find(' ') != std::string_view::npos; }

bool worth_matching(std::string_view text, bool colon_counts) {
  if (text.size() < kMinQuotedFragment) return false;
  return holds_blank(text) || (colon_counts && text.find(':') != std::string_view::npos);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Inline code spans (CommonMark 6.1): a run of N backticks closed by the next run of exactly N.
void code_spans(std::string_view line, std::vector<std::string_view>& out) {
  std::size_t at = 0;
  while ((at = line.find('`', at)) != std::string_view::npos) {
    std::size_t run = 0;
    while (at + run < line.size() && line[at + run] == '`') ++run;
    const std::size_t inner = at + run;
    std::size_t close = inner;
    for (;;) {
      close = line.find('`', close);
      if (close == std::string_view::npos) break;
      std::size_t closing = 0;
      while (close + closing < line.size() && line[close + closing] == '`') ++closing;
      if (closing == run) break;
      close += closing;
    }
    if (close == std::string_view::npos) {  // unclosed: the run is literal text (CommonMark),
      at = inner;                           // and a later run may still open a span
      continue;
    }
    const std::string_view text = trim(line.substr(inner, close - inner));
    const bool whole_line = at == 0 && close + run >= line.size();
    if (!whole_line && worth_matching(text, true)) out.push_back(text);
    at = close + run;
  }
}

bool closes_quote_at(std::string_view line, std::size_t after) {
  if (after >= line.size()) return true;
  const char c = line[after];
  return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == '!' ||
         c == '?';
}

// The line after a list item's marker, which the cleaner leaves on prose ("4. ", "1) ", "- ").
std::string_view without_list_marker(std::string_view line) {
  std::size_t digits = 0;
  while (digits < 3 && digits < line.size() &&
         std::isdigit(static_cast<unsigned char>(line[digits]))) {
    ++digits;
  }
  const bool numbered = digits > 0 && line.size() > digits + 1 &&
                        (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ';
  const bool bullet =
      line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ';
  if (!numbered && !bullet) return line;
  // Markdown aligns an item's text after its marker ("5.  The Control UI ..."): all the blanks go.
  std::size_t text = numbered ? digits + 2 : 2;
  while (text < line.size() && line[text] == ' ') ++text;
  return line.substr(text);
}

// Whether the text (a list marker already taken off) starts with a CJK or Hangul character
// (UTF-8 lead bytes E3-ED: U+3000-U+DFFF, kana, CJK ideographs, Hangul): Chinese, Japanese and
// Korean prose puts no blank between its words ("网页显示 \"disconnected (1008): ...\"").
// Symbols before U+3000 (the installers' "✓", box drawing) are not words.
bool starts_with_cjk(std::string_view text) {
  if (text.empty()) return false;
  const auto lead = static_cast<unsigned char>(text.front());
  return lead >= 0xE3 && lead <= 0xED;
}

// The line without the indentation of an issue form's nested list item ("   4. 网页显示 \"...\""),
// which is prose like any list item. Other indented lines (a stack frame, a wrapped record's
// continuation) keep their indentation, and so are no sentence.
std::string_view without_list_indent(std::string_view line) {
  const std::size_t n = line.find_first_not_of(" \t");
  if (n == 0 || n == std::string_view::npos) return line;
  const std::string_view rest = line.substr(n);
  const bool list_item = without_list_marker(rest).size() != rest.size();
  return list_item || starts_with_cjk(rest) ? rest : line;
}

// The token at `at` (up to the next blank) and where the one after it starts.
std::string_view token_at(std::string_view line, std::size_t& at) {
  const std::size_t from = at;
  while (at < line.size() && line[at] != ' ') ++at;
  const std::string_view token = line.substr(from, at - from);
  while (at < line.size() && line[at] == ' ') ++at;
  return token;
}

bool starts_with_letter(std::string_view token) { return !token.empty() && is_letter(token[0]); }

// A word of letters, or a contraction ("We're", "I'm", "It's", "Don't", with a straight or a
// curly apostrophe: one or two letters after it).
bool is_first_word(std::string_view token) {
  std::size_t n = 0;
  while (n < token.size() && is_letter(token[n])) ++n;
  if (n == 0) return false;
  if (n == token.size()) return true;
  std::string_view rest = token.substr(n);
  if (rest.starts_with('\'')) {
    rest.remove_prefix(1);
  } else if (rest.starts_with(kCloseCurlySingle)) {
    rest.remove_prefix(kCloseCurlySingle.size());
  } else {
    return false;
  }
  return !rest.empty() && rest.size() <= 2 && std::all_of(rest.begin(), rest.end(), is_letter);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == y;
         });
}

// What a log line starts with that is shaped like an issue form's label: a level or an error
// class ("Error: ...", "TypeError: ...", "WARN: ..."). Asked once per line that has a label's
// shape, so it compares in place rather than lower-casing a copy.
bool is_log_word(std::string_view word) {
  static constexpr std::string_view kLevels[] = {"error", "warning", "warn",   "info",     "debug",
                                                 "fatal", "trace",   "notice", "critical", "err",
                                                 "crit",  "alert",   "emerg",  "panic"};
  for (std::string_view level : kLevels) {
    if (equals_ignoring_case(word, level)) return true;
  }
  const auto ends_with = [&](std::string_view tail) {
    return word.size() >= tail.size() &&
           equals_ignoring_case(word.substr(word.size() - tail.size()), tail);
  };
  return ends_with("error") || ends_with("exception");
}

// Whether the line reads as a sentence: two words of letters ("i have", "The update", "We're
// using"), or two with a number or version between them ("OpenClaw 2026.2.2 Docker container
// ..."), list marker aside; not a syslog stamp ("Jun 30 13:25:13", whose third token is the
// time) nor a tag ("systemd[1]:", "kernel:", whose first word does not end at a blank).
bool starts_with_words(std::string_view line) {
  line = without_list_marker(line);
  if (starts_with_cjk(line)) return true;
  std::size_t at = 0;
  const std::string_view first = token_at(line, at);
  if (!is_first_word(first)) return false;
  const std::string_view second = token_at(line, at);
  if (starts_with_letter(second)) return true;
  // The version case only after a capitalised name: a level ("INFO 1 ...", go-sql-driver's
  // "Error 1064: You have an error ...") is a log's own.
  const bool name = first.size() >= 2 && std::isupper(static_cast<unsigned char>(first[0])) &&
                    std::islower(static_cast<unsigned char>(first[1])) && !is_log_word(first);
  return name && !second.empty() && std::isdigit(static_cast<unsigned char>(second.front())) &&
         starts_with_letter(token_at(line, at));
}

// Whether the line opens with an issue form's label, bold or not once the cleaner took the
// stars off: one or two words of letters, the first upper-case, then ':' and a blank
// ("Problem: `openclaw gateway install` hardcodes ...", "Actual behavior: ..."). What follows
// a label is the person's prose, whatever it starts with.
bool starts_with_label(std::string_view line) {
  if (line.empty() || !std::isupper(static_cast<unsigned char>(line.front()))) return false;
  std::size_t n = 0;
  for (int words = 0; words < 2; ++words) {
    const std::size_t from = n;
    while (n < line.size() && is_letter(line[n])) ++n;
    if (n == from) return false;
    if (n + 1 < line.size() && line[n] == ':' && line[n + 1] == ' ') {
      return !is_log_word(line.substr(0, n)) && !is_log_word(line.substr(from, n - from));
    }
    if (n >= line.size() || line[n] != ' ') return false;
    ++n;
  }
  return false;
}

// What may stand before an opening quote: a blank, '(' or a colon glued to it (`alway
// show:"Error: connect ETIMEDOUT"`).
bool opens_after(char c) { return c == ' ' || c == '(' || c == ':'; }

// Where the quote opened at `at` closes: the next `close` that ends a word. For double quotes
// that is simply the next one; a single quote is also an apostrophe ("can't", "users'"), so
// only one followed by a blank, punctuation or the line's end and preceded by a non-blank
// closes ('Can't connect: ECONNREFUSED' ends after ECONNREFUSED).
std::size_t closing_quote(std::string_view line, std::size_t inner, std::string_view close,
                          bool apostrophes) {
  std::size_t end = line.find(close, inner);
  if (!apostrophes) return end;
  while (end != std::string_view::npos &&
         (end == inner || line[end - 1] == ' ' || !closes_quote_at(line, end + close.size()))) {
    end = line.find(close, end + close.size());
  }
  return end;
}

void quoted(std::string_view line, std::string_view open, std::string_view close, bool apostrophes,
            std::vector<std::string_view>& out) {
  std::size_t at = 0;
  while ((at = line.find(open, at)) != std::string_view::npos) {
    const std::size_t inner = at + open.size();
    // A quote opens after a blank or '(' (never inside a word: "don't"); a single one also
    // before a non-blank (" ' " is no quote).
    const bool opens_in_prose = at > 0 && opens_after(line[at - 1]) &&
                                (!apostrophes || (inner < line.size() && line[inner] != ' ')) &&
                                // A `key=value` before it makes the line a record's fields
                                // ("message len=54: \"...\""), not a sentence.
                                line.substr(0, at).find('=') == std::string_view::npos;
    if (!opens_in_prose) {
      at = inner;
      continue;
    }
    const std::size_t end = closing_quote(line, inner, close, apostrophes);
    if (end == std::string_view::npos) return;
    const std::string_view text = trim(line.substr(inner, end - inner));
    if (closes_quote_at(line, end + close.size()) && worth_matching(text, false)) {
      out.push_back(text);
    }
    at = end + close.size();
  }
}

// Markdown emphasis inside a sentence ("its returning *Error: connect ETIMEDOUT*. It works",
// "got **Error: listen EADDRINUSE :::3000** again"): a run of one or two '*' after a blank or
// '(' and before a non-blank, closed by the next run of the same length after a non-blank and
// before a blank, punctuation or the line's end (so "*.log and *.txt" is no span).
void emphasis_spans(std::string_view line, std::vector<std::string_view>& out) {
  const auto run_at = [&](std::size_t at) {
    std::size_t n = 0;
    while (at + n < line.size() && line[at + n] == '*') ++n;
    return n;
  };
  std::size_t at = 0;
  while ((at = line.find('*', at)) != std::string_view::npos) {
    const std::size_t run = run_at(at);
    const std::size_t inner = at + run;
    const bool opens = run <= 2 && at > 0 && (line[at - 1] == ' ' || line[at - 1] == '(') &&
                       inner < line.size() && line[inner] != ' ';
    if (!opens) {
      at = inner;
      continue;
    }
    std::size_t close = inner;
    while ((close = line.find('*', close)) != std::string_view::npos) {
      const std::size_t closing = run_at(close);
      if (closing == run && line[close - 1] != ' ' && closes_quote_at(line, close + run)) break;
      close += closing;
    }
    if (close == std::string_view::npos) return;
    const std::string_view text = trim(line.substr(inner, close - inner));
    if (worth_matching(text, true)) out.push_back(text);
    at = close + run;
  }
}

// A span that is one quote as a whole (`**"pairing required"**`, `` `"EADDRINUSE ..."` ``): the
// quoted text is the record.
std::string_view without_quotes(std::string_view fragment) {
  for (const auto& [open, close] : {std::pair{std::string_view("\""), std::string_view("\"")},
                                    std::pair{kOpenCurly, kCloseCurly}}) {
    if (fragment.size() > open.size() + close.size() && fragment.starts_with(open) &&
        fragment.ends_with(close) &&
        fragment.substr(open.size(), fragment.size() - open.size() - close.size()).find(open) ==
            std::string_view::npos) {
      return fragment.substr(open.size(), fragment.size() - open.size() - close.size());
    }
  }
  return fragment;
}

// A question asks about the text it quotes ("why does `FATAL ERROR: ...` mean ...?"); a report
// states it ("I get a "Error: spawn EACCES" in logs. Normal ?"). The sentence is the one the
// fragment is in: it ends at the first '.', '!' or '?' after it that a blank or the line's end
// follows (the dots of "127.0.0.1" do not end one).
bool in_a_question(std::string_view line, std::string_view fragment) {
  const std::size_t from =
      static_cast<std::size_t>(fragment.data() - line.data()) + fragment.size();
  for (std::size_t i = from; i < line.size(); ++i) {
    const char c = line[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (i + 1 < line.size() && line[i + 1] != ' ') continue;
    return c == '?';
  }
  return false;
}

// The sentence `fragment` is in: from after the last '.', '!' or '?' before it that a blank
// follows (or the line's start) to the first such mark after it (or the line's end).
std::string_view sentence_of(std::string_view line, std::string_view fragment) {
  const auto at = static_cast<std::size_t>(fragment.data() - line.data());
  std::size_t begin = 0;
  for (std::size_t i = at; i-- > 0;) {
    const char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && i + 1 < at && line[i + 1] == ' ') {
      begin = i + 1;
      break;
    }
  }
  std::size_t end = line.size();
  for (std::size_t i = at + fragment.size(); i < line.size(); ++i) {
    const char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == line.size() || line[i + 1] == ' ')) {
      end = i;
      break;
    }
  }
  return line.substr(begin, end - begin);
}

// Whether `text` holds one of `cues` (lower case), in any case, compared in place: asked only
// of the few words around a quote, so a plain scan with no copy.
bool holds_any(std::string_view text, std::initializer_list<std::string_view> cues) {
  return std::any_of(cues.begin(), cues.end(), [&](std::string_view cue) {
    for (std::size_t i = 0; i + cue.size() <= text.size(); ++i) {
      if (equals_ignoring_case(text.substr(i, cue.size()), cue)) return true;
    }
    return false;
  });
}

// A sentence that says the quoted error is over ("there is no more `Error: listen EADDRINUSE`",
// "I no longer get "Start request repeated too quickly"", "the "heap out of memory" crash is
// gone") reports its absence, and a how-to's "if you see "X", do Y" speaks of a case: what
// either quotes is no record. The cues are the few phrases that
// only say "not any more", and they must stand next to the quote (within a few words before
// it, or right after it with at most a noun such as "error" between): a report says "no more"
// and "no longer" of other things too ("I have no more ideas, it still says `Error: ...`", "it
// prints `Error: ...` and no longer starts"), and a bare "not" or "never" is left alone.
bool in_a_denial(std::string_view line, std::string_view fragment) {
  constexpr std::size_t kBefore = 24;  // "i no longer see the " and a little slack
  constexpr std::size_t kAfter = 32;   // " error messages have been resolved"
  const std::string_view sentence = sentence_of(line, fragment);
  const auto split = static_cast<std::size_t>(fragment.data() - sentence.data());
  const std::string_view head = sentence.substr(0, split);
  const std::string_view before = head.substr(head.size() - std::min(head.size(), kBefore));
  const std::string_view after = sentence.substr(split + fragment.size()).substr(0, kAfter);
  return holds_any(before, {"no more ", "no longer ", "never again ", "stopped getting ",
                            "stopped seeing ", "if you see ", "if you get ", "if you're seeing ",
                            "if you are seeing ", "if you encounter "}) ||
         holds_any(after, {" is gone", " are gone", " was gone", " went away", " disappeared",
                           " is fixed", " was fixed", " got fixed", " been fixed", " is resolved",
                           " was resolved", " been resolved", " anymore", " any more"});
}

}  // namespace

void quoted_fragments(std::string_view line, std::vector<std::string_view>& out,
                      std::vector<std::string_view>& denied) {
  out.clear();
  denied.clear();
  line = without_list_indent(line);
  if (line.size() < kMinQuotedFragment + 2) return;
  // Only a sentence quotes: a log's own message may hold a command in backticks
  // (openclaw: "Re-run `openclaw onboard --mode local`") or a field in quotes.
  if (!starts_with_words(line) && !starts_with_label(line)) return;
  // "npm ERR! x@1.0.0 start: `node index.js`": npm's own record (two words to this test), whose
  // spans are its script's command, and one line of a block read whole (core/tool_blocks).
  if (!tool_block::npm_prefix(line).empty()) return;
  if (line.find('`') != std::string_view::npos) code_spans(line, out);
  if (line.find('"') != std::string_view::npos) quoted(line, "\"", "\"", false, out);
  if (line.find(kOpenCurly) != std::string_view::npos) {
    quoted(line, kOpenCurly, kCloseCurly, false, out);
  }
  if (line.find('\'') != std::string_view::npos) quoted(line, "'", "'", true, out);
  if (line.find('*') != std::string_view::npos) emphasis_spans(line, out);
  if (line.find(kOpenCurlySingle) != std::string_view::npos) {
    quoted(line, kOpenCurlySingle, kCloseCurlySingle, true, out);
  }
  if (out.empty()) return;
  // Spans and quotes are searched apart: keep line order for the records they become.
  std::sort(out.begin(), out.end(),
            [](std::string_view a, std::string_view b) { return a.data() < b.data(); });
  // A quote inside a code span is part of that span's record, not one of its own; a question
  // keeps what it quotes, and so does a sentence saying the error is gone.
  std::size_t kept = 0;
  for (std::string_view fragment : out) {
    const bool nested = kept > 0 && fragment.data() + fragment.size() <=
                                        out[kept - 1].data() + out[kept - 1].size();
    if (nested || in_a_question(line, fragment)) continue;
    if (in_a_denial(line, fragment)) {
      denied.push_back(fragment);
    } else {
      out[kept++] = without_quotes(fragment);
    }
  }
  out.resize(kept);
}

namespace {

bool is_stamp_digit(char c) { return c >= '0' && c <= '9'; }

// "2020/05/09 13:53:05", "2024-03-01T10:00:00", "2024-03-01 10:00": the date and time a log
// record opens with (nginx, Apache's error log in ISO form, most app loggers).
bool opens_with_stamp(std::string_view text) {
  if (text.size() < 16) return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
    if (!is_stamp_digit(text[i])) return false;
  return (text[4] == '/' || text[4] == '-') && text[7] == text[4] &&
         (text[10] == ' ' || text[10] == 'T') && text[13] == ':';
}

}  // namespace

bool strip_whole_record_quote(std::string_view& line) {
  if (!line.starts_with('"') || !opens_with_stamp(line.substr(1))) return false;
  std::string_view rest = line;
  while (!rest.empty() &&
         (rest.back() == ' ' || rest.back() == '.' || rest.back() == ',' || rest.back() == ';'))
    rest.remove_suffix(1);
  if (rest.size() < 2 || rest.back() != '"') return false;
  line = rest.substr(1, rest.size() - 2);
  return true;
}

bool strip_whole_line_quote(std::string_view& line) {
  if (strip_whole_record_quote(line)) return true;
  for (const auto& [open, close] : {std::pair{std::string_view("\""), std::string_view("\"")},
                                    std::pair{kOpenCurly, kCloseCurly}}) {
    if (!line.starts_with(open)) continue;
    const std::size_t end = line.find(close, open.size());
    if (end == std::string_view::npos) return false;
    const std::string_view after = line.substr(end + close.size());
    if (after.find_first_not_of(" .,;:!") != std::string_view::npos) return false;
    const std::string_view text = trim(line.substr(open.size(), end - open.size()));
    if (!worth_matching(text, false)) return false;
    line = text;
    return true;
  }
  return false;
}

}  // namespace logdx::paste
