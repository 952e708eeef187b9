// PasteCleaner: per line, cheap checks first (trailing CR, an ESC / 0x9B byte, a CR inside,
// the first byte); only lines that can hold paste noise go through the structural rules, in
// the order the noise was added: quote markers, then fences, then Markdown list markers and
// inline markup, then box frames, then shell prompts. Last, a line that holds two records
// glued together is split (the rest is handed out by next_glued()).

#include "logdx/parsers/paste_cleaner.hpp"

#include <array>
#include <cstring>
#include <functional>

#include "paste/ansi.hpp"
#include "paste/box_frame.hpp"
#include "paste/fullwidth.hpp"
#include "paste/glued_records.hpp"
#include "paste/markdown.hpp"
#include "paste/quoted_fragments.hpp"
#include "paste/shell_prompt.hpp"
#include "paste/terminal_html.hpp"

namespace logdx {
namespace {

constexpr std::size_t kAnyQuoteDepth = static_cast<std::size_t>(-1);

// What the first byte of a line says about paste noise. Most log lines start with a digit
// (a timestamp) or '{' (JSON): `none`, returned as they are (unless "12. " numbers them).
// Indentation (fences, frames), Markdown '>' '*' '`' '~' '-' '+', prompts '$' '#' '[' '('
// and 0xE2 (the lead byte of the box, clack and prompt symbols) are `maybe`. Letters start syslog
// lines ("Nov 25 ...") as well as "user@host:~$" prompts, so they get a cheap look of their own.
enum class FirstByte : unsigned char { none, maybe, letter };

constexpr std::array<FirstByte, 256> kFirstByte = [] {
  std::array<FirstByte, 256> table{};
  for (const char c : std::string_view(" \t>*`~$#[(_-+")) {
    table[static_cast<unsigned char>(c)] = FirstByte::maybe;
  }
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = FirstByte::letter;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = FirstByte::letter;
  table[0xE2] = FirstByte::maybe;
  return table;
}();

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

// A line starting with a letter can only be a prompt: "user@host...", "PS ...", "C:\...>".
bool letter_line_may_be_prompt(std::string_view line) {
  if (line.size() >= 3 && (line.substr(0, 3) == "PS " || (line[1] == ':' && line[2] == '\\'))) {
    return true;
  }
  constexpr std::size_t kMaxUserName = 32;
  for (std::size_t i = 1; i < line.size() && i <= kMaxUserName; ++i) {
    if (line[i] == '@') return true;
    if (!is_name_char(line[i])) return false;
  }
  return false;
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// A carriage return inside a line (progress bars, spinners) went back to the start of the
// terminal line; what the user saw is the last segment that shows something.
std::string_view last_visible_segment(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    const std::size_t cr = line.rfind('\r', end - 1);
    const std::size_t begin = cr == std::string_view::npos ? 0 : cr + 1;
    const std::string_view segment = line.substr(begin, end - begin);
    if (!is_blank(segment)) return segment;
    if (cr == std::string_view::npos) break;
    end = cr;
  }
  return line.substr(0, 0);
}

}  // namespace

PasteCleaner::Result PasteCleaner::clean(std::string_view raw) {
  glued_rest_ = {};
  quoted_.clear();
  denied_.clear();
  next_quoted_ = 0;
  std::string_view line = raw;
  bool changed = false;
  while (!line.empty() && line.back() == '\r') {
    line.remove_suffix(1);
    changed = true;
  }
  if (paste::has_escape(line)) {
    paste::strip_ansi_into(line, scratch_);
    line = scratch_;
    changed = true;
  }
  if (paste::has_terminal_html(line)) {
    // Colours pasted as HTML (aha, ansi2html, a <pre> block): the text between the tags.
    paste::strip_terminal_html_into(line, unhtml_);
    line = unhtml_;
    changed = true;
  }
  if (!line.empty() && std::memchr(line.data(), '\r', line.size()) != nullptr) {
    line = last_visible_segment(line);
    changed = true;
  }
  if (paste::has_fullwidth(line)) {
    paste::fold_fullwidth_into(line, folded_);
    line = folded_;
    changed = true;
  }
  if (is_blank(line)) {
    // Blanks only (trailing spaces a paste or an editor left) are an empty line: parsers that
    // read indentation as a continuation must not take them for one (the empty line inside
    // Node's crash banner separates the source excerpt from the error).
    after_blank_ = true;
    block_may_start_ = true;
    return {Kind::text, line.substr(0, 0), changed || !line.empty()};
  }
  line = unindent_code_block(line, changed);
  line = without_glued_language_tag(line, changed);
  const bool quoted_fence = in_fence_ && fence_quote_depth_ > 0;  // may end on any line
  const FirstByte first = kFirstByte[static_cast<unsigned char>(line.front())];
  // Markdown glued to the end of a log line ("...restart.```", "...quickly.**"), blanks after
  // it included ("`FATAL ERROR: ...`   ": they are no log text).
  const std::string_view visible = trim_right(line);
  const bool trailing_markup = visible.back() == '`' || visible.back() == '*';
  if (trailing_markup && visible.size() != line.size()) {
    line = visible;
    changed = true;
  }
  // a whole log record someone wrapped in double quotes: the record, without them
  if (!in_fence_ && line.front() == '"' && paste::strip_whole_record_quote(line)) {
    return finish_text(line, true);
  }
  if (!quoted_fence && !trailing_markup &&
      ((first == FirstByte::none && !paste::may_be_numbered_item(line)) ||
       (first == FirstByte::letter && !letter_line_may_be_prompt(line)))) {
    return finish_text(line, changed);
  }
  return clean_structure(line, changed);
}

// "textFATAL ERROR: ...", "bashError: ...": a fence's language tag left glued to the first log
// line where the paste lost the fence's backticks and line end. Only where a pasted block can
// start (see block_may_start_) and outside a fence, whose text is literal: in the middle of a
// log, "jsonParseError: x" is a name.
std::string_view PasteCleaner::without_glued_language_tag(std::string_view line, bool& changed) {
  const bool block_start = block_may_start_;
  block_may_start_ = trim_right(line).ends_with(':');
  if (!block_start || in_fence_ || line.front() < 'a' || line.front() > 'z') return line;
  const std::size_t tag = paste::glued_language_tag(line);
  if (tag == 0) return line;
  changed = true;
  return line.substr(tag);
}

// A Markdown indented code block (CommonMark 4.4): after a blank line, lines indented by four
// spaces or a tab are code, shown without that indentation; the block ends at the first line
// that is not indented (blank lines inside it do not end it). People indent a log instead of
// fencing it, and rules anchored at the start of a message must see it as it was printed.
// Only the block's own indentation goes: deeper lines (stack frames) keep the rest. The start
// of the input does not count as a blank line: a paste that begins indented is more often the
// middle of a `systemctl status` or a stack trace than a code block. (clean() has taken blank
// lines before this is asked.)
std::string_view PasteCleaner::unindent_code_block(std::string_view line, bool& changed) {
  if (in_fence_) {  // fenced text is literal, and a fence is no paragraph break
    after_blank_ = false;
    return line;
  }
  const std::size_t indent = line.front() == '\t' ? 1 : (line.substr(0, 4) == "    " ? 4 : 0);
  if (indent == 0) {
    in_code_block_ = false;
    after_blank_ = false;
    return line;
  }
  in_code_block_ = in_code_block_ || after_blank_;
  after_blank_ = false;
  if (!in_code_block_) return line;
  changed = true;
  return line.substr(indent);
}

PasteCleaner::Result PasteCleaner::clean_structure(std::string_view line, bool changed) {
  const std::size_t depth =
      paste::strip_quote_markers(line, in_fence_ ? fence_quote_depth_ : kAnyQuoteDepth);
  if (in_fence_ && depth < fence_quote_depth_) in_fence_ = false;  // its blockquote ended
  if (depth > 0) {
    changed = true;
    if (is_blank(line)) {  // ">": an empty line of the quoted log (Node's crash banner has one)
      after_blank_ = true;
      return {Kind::text, line.substr(0, 0), true};
    }
  }
  return in_fence_ ? clean_fenced(line, changed) : clean_unfenced(line, changed, depth);
}

PasteCleaner::Result PasteCleaner::clean_fenced(std::string_view line, bool changed) {
  const paste::Fence open{fence_char_, fence_length_, fence_indent_, {}};
  if (paste::closes_fence(line, open)) {
    in_fence_ = false;
    return {Kind::skip, line, true};
  }
  if (const auto text = paste::glued_closer(line, open)) {  // "...restart.```"
    in_fence_ = false;
    return finish(*text, true);
  }
  std::size_t spaces = 0;  // the fence's own indentation (CommonMark 4.5), not the log's
  while (spaces < fence_indent_ && spaces < line.size() && line[spaces] == ' ') ++spaces;
  if (spaces > 0) {
    line.remove_prefix(spaces);
    changed = true;
  }
  return finish(line, changed);  // inside a fence Markdown markup is literal text
}

PasteCleaner::Result PasteCleaner::clean_unfenced(std::string_view line, bool changed,
                                                  std::size_t depth) {
  if (const auto fence = paste::opening_fence(line)) {
    in_fence_ = true;
    fence_char_ = fence->marker;
    fence_length_ = fence->length;
    fence_indent_ = fence->indent;
    fence_quote_depth_ = depth;
    if (fence->content.empty()) return {Kind::skip, line, true};
    return finish(fence->content, true);  // "```Jun 30 13:25:13 host systemd[1]: ..."
  }
  const std::string_view before = line;
  paste::strip_list_marker(line);
  line = unbold(line);
  paste::strip_emphasis_span(line);
  paste::strip_code_span(line);
  paste::strip_whole_line_quote(line);
  paste::strip_one_sided_markup(line);
  changed = changed || line.size() != before.size();
  return finish(line, changed);
}

PasteCleaner::Result PasteCleaner::finish(std::string_view line, bool changed) {
  const paste::Frame frame = paste::unframe(line);
  if (frame.verdict == paste::FrameVerdict::decoration) return {Kind::skip, line, true};
  if (frame.verdict == paste::FrameVerdict::content) {
    line = frame.text;
    changed = true;
  }
  if (const auto command = paste::match_shell_prompt(line)) {
    if (command->empty()) return {Kind::skip, line, true};
    return {Kind::command, *command, true};
  }
  return finish_text(line, changed);
}

PasteCleaner::Result PasteCleaner::finish_text(std::string_view line, bool changed) {
  // Fenced and indented code is the log itself, quotes and all: only prose quotes a record.
  if (!in_fence_ && !in_code_block_) {
    paste::quoted_fragments(line, quoted_, denied_);
    if (!denied_.empty()) {
      line = without_denied(line);
      changed = true;
    }
  }
  const std::size_t glued = paste::glued_record_start(line);
  if (glued == 0) return {Kind::text, line, changed};
  glued_rest_ = line.substr(glued);
  return {Kind::text, trim_right(line.substr(0, glued)), true};
}

std::optional<std::string_view> PasteCleaner::next_glued() {
  if (glued_rest_.empty()) {
    if (next_quoted_ < quoted_.size()) return quoted_[next_quoted_++];
    return std::nullopt;
  }
  const std::string_view record = glued_rest_;
  const std::size_t glued = paste::glued_record_start(record);
  glued_rest_ = glued == 0 ? std::string_view() : record.substr(glued);
  return glued == 0 ? record : trim_right(record.substr(0, glued));
}

// The line with the quoted errors it says are over cut out ("there is no more `Error: listen
// EADDRINUSE ...` since" -> "there is no more  since"), in cut_: unquoted, the sentence would
// still match what it denies. The views in denied_ and quoted_ point into `line`, which may be
// scratch_, so the cut line has a buffer of its own.
std::string_view PasteCleaner::without_denied(std::string_view line) {
  std::string text;
  text.reserve(line.size());
  const char* at = line.data();
  for (const std::string_view fragment : denied_) {
    text.append(at, fragment.data());
    at = fragment.data() + fragment.size();
  }
  text.append(at, line.data() + line.size());
  denied_.clear();
  cut_ = std::move(text);
  return cut_;
}

// "**text**" -> "text" (a view, no copy); "**Error:** text" -> "Error: text" (in scratch_).
std::string_view PasteCleaner::unbold(std::string_view line) {
  const auto close = paste::leading_bold_close(line);
  if (!close) return line;
  if (*close + 2 == line.size()) return line.substr(2, *close - 2);
  std::string& text = own(line);
  text.erase(*close, 2);
  text.erase(0, 2);
  return text;
}

// Makes scratch_ hold exactly `line`, which may already point into scratch_.
std::string& PasteCleaner::own(std::string_view line) {
  const char* const begin = scratch_.data();
  const char* const end = begin + scratch_.size();
  const std::less_equal<const char*> le;
  if (le(begin, line.data()) && le(line.data() + line.size(), end)) {
    const auto offset = static_cast<std::size_t>(line.data() - begin);
    scratch_.erase(offset + line.size());
    scratch_.erase(0, offset);
  } else {
    scratch_.assign(line);
  }
  return scratch_;
}

void PasteCleaner::reset() {
  in_fence_ = false;
  fence_char_ = 0;
  fence_length_ = 0;
  fence_indent_ = 0;
  fence_quote_depth_ = 0;
  after_blank_ = false;
  in_code_block_ = false;
  block_may_start_ = true;
  quoted_.clear();
  next_quoted_ = 0;
}

std::string PasteCleaner::strip_ansi(std::string_view text) {
  std::string out;
  paste::strip_ansi_into(text, out);
  return out;
}

}  // namespace logdx
