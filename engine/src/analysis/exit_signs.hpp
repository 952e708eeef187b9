#pragma once
// How the processes behind a finding ended, as far as its lines say. Folding needs it because an
// OOM kill ends its victim with SIGKILL (systemd `code=killed, status=9/KILL`, exit 137 =
// 128 + 9, pm2 `via signal [SIGKILL]`): a loop whose exits all say status 1 was not killed, so
// an OOM kill does not explain it however close in time (docs/ranking.md).

#include <memory>
#include <string_view>

namespace logdx::analysis {

struct ExitSigns {
  bool killed = false;  // SIGKILL seen
  bool other = false;   // another unclean end seen (status=1/FAILURE, code [1], SIGABRT, 143 ...)

  bool known() const { return killed || other; }
};

// Reads the exit wording of the process managers from one line. Holds its compiled patterns,
// so build one per analysis, not per line.
class ExitReader {
 public:
  ExitReader();
  ~ExitReader();
  ExitReader(const ExitReader&) = delete;
  ExitReader& operator=(const ExitReader&) = delete;

  // Adds what `text` says about an exit to `signs`; text that says nothing changes nothing.
  void read(std::string_view text, ExitSigns& signs) const;

 private:
  struct Patterns;
  std::unique_ptr<Patterns> patterns_;
};

}  // namespace logdx::analysis
