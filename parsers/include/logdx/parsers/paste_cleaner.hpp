#pragma once
// Undoes what pasting a log into an issue, a chat or a terminal adds around its lines:
// CR line ends, ANSI escape sequences, Markdown quoting ("> ") and bold ("**"), code fences
// (also when glued to a log line), list markers, box-drawing frames ("│ ... │" from
// `openclaw doctor`), shell prompt / command lines, and full-width punctuation typed on a CJK
// keyboard ("：" for ":"), and the four spaces of a Markdown indented code block. It also
// splits two records that a paste glued onto one line, and hands out an error quoted inside a
// sentence as a record of its own. Stateful across the lines of one input
// (it knows when it is inside a code fence or an indented code block).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logdx {

class PasteCleaner {
 public:
  enum class Kind {
    text,     // a log line (possibly cleaned)
    skip,     // pure decoration: a fence line, a frame border
    command,  // a shell prompt with a command ("$ journalctl -u openclaw", "root@vm:~# pm2 logs")
  };
  struct Result {
    Kind kind = Kind::text;
    std::string_view
        text;              // valid until the next call; points into the input or an internal buffer
    bool changed = false;  // whether anything was removed
  };

  // Cleans one physical line (without "\n"). Lines with nothing to clean are returned as they
  // are, without copying (the common case must stay cheap).
  Result clean(std::string_view raw);

  // After clean() gave a text line: the next record glued onto the same physical line, if
  // any (call until it returns nothing), then each error quoted inside a sentence of that
  // line, outside a code fence (paste/quoted_fragments.hpp). Valid until the next call of
  // clean().
  std::optional<std::string_view> next_glued();

  // Forgets the fence state (for reading the next input with the same cleaner).
  void reset();

  // Removes ANSI escape sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST", and two-byte
  // escapes, and a stray 8-bit CSI byte that is not part of a UTF-8 character) from text.
  // Exposed for parsers whose messages carry colour inside. Other bytes, invalid UTF-8
  // included, are kept as they are.
  static std::string strip_ansi(std::string_view text);

 private:
  Result clean_structure(std::string_view line, bool changed);
  Result clean_fenced(std::string_view line, bool changed);
  Result clean_unfenced(std::string_view line, bool changed, std::size_t depth);
  Result finish(std::string_view line, bool changed);       // frames, prompts, then:
  Result finish_text(std::string_view line, bool changed);  // glued records
  std::string_view unindent_code_block(std::string_view line, bool& changed);
  std::string_view without_glued_language_tag(std::string_view line, bool& changed);
  std::string_view unbold(std::string_view line);
  std::string_view without_denied(std::string_view line);
  std::string& own(std::string_view line);

  std::string scratch_;
  std::string folded_;  // the line with full-width forms folded to ASCII (paste/fullwidth.hpp)
  std::string unhtml_;  // the line without terminal-to-HTML colour markup (paste/terminal_html.hpp)
  std::string_view glued_rest_;           // what follows the record clean() returned on its line
  std::vector<std::string_view> quoted_;  // quoted fragments of the line, handed out in order
  std::vector<std::string_view> denied_;  // quoted errors the line says are over: cut out of it
  std::string cut_;                       // the line without them (without_denied)
  std::size_t next_quoted_ = 0;
  bool in_fence_ = false;
  char fence_char_ = 0;                // '`' or '~'
  std::size_t fence_length_ = 0;       // a closing fence needs at least this many markers
  std::size_t fence_indent_ = 0;       // spaces before the opener, taken off each fenced line
  std::size_t fence_quote_depth_ = 0;  // the fence sits inside this many "> " quote levels
  bool after_blank_ = false;           // the line before was blank (not the input's start)
  bool in_code_block_ = false;         // inside an indented code block (four spaces or a tab)
  // The next line may start a block of pasted log: the input's start, after a blank line or a
  // line ending with ':' ("Here is the log:"), where a fence's glued language tag can be.
  bool block_may_start_ = true;
};

}  // namespace logdx
