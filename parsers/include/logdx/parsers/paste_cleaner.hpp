#pragma once
// Undoes what pasting a log into an issue, a chat or a terminal adds around its lines:
// CR line ends, ANSI escape sequences, Markdown quoting ("> ") and bold ("**"), code fences,
// box-drawing frames ("│ ... │" from `openclaw doctor`), and shell prompt / command lines.
// Stateful across the lines of one input (it knows when it is inside a code fence).

#include <cstddef>
#include <string>
#include <string_view>

namespace logdx {

class PasteCleaner {
 public:
  enum class Kind {
    text,     // a log line (possibly cleaned)
    skip,     // pure decoration: a fence line, a frame border, an empty quote marker
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

  // Forgets the fence state (for reading the next input with the same cleaner).
  void reset();

  // Removes ANSI escape sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST", and two-byte
  // escapes, and a stray 8-bit CSI byte that is not part of a UTF-8 character) from text.
  // Exposed for parsers whose messages carry colour inside. Other bytes, invalid UTF-8
  // included, are kept as they are.
  static std::string strip_ansi(std::string_view text);

 private:
  Result clean_structure(std::string_view line, bool changed);
  std::string_view unbold(std::string_view line);
  std::string& own(std::string_view line);

  std::string scratch_;
  bool in_fence_ = false;
  char fence_char_ = 0;                // '`' or '~'
  std::size_t fence_length_ = 0;       // a closing fence needs at least this many markers
  std::size_t fence_quote_depth_ = 0;  // the fence sits inside this many "> " quote levels
};

}  // namespace logdx
