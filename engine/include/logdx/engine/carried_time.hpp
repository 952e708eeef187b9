#pragma once
// The time an event without one of its own is judged and placed by: the last time its input
// gave before it (carried forward), so a stack trace or a plain paste line stays with the
// record it belongs to. One per input. Used by the analysis's timeline (correlation) and by
// the time window (--since/--until), so the rule exists once.
//
// A carried time belongs to the block of lines that gave it. People paste `dmesg`, then
// `journalctl -u X` or `pm2 logs` output after it: an unstamped line of another format (a
// `0|bot | ...` line after `[ 2198.039625] ...`) is not part of the kernel's record, and giving
// it the kernel's seconds since boot would link and order it by a time that is not its own.
// So the carry stops at a change of format and stays stopped until a line gives a time again.

#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx {

class CarriedTime {
 public:
  // Call for every event of the input, in order (stamped or not): a stamped event starts a
  // carry; an unstamped one of another block ends it (starts_other_block).
  void observe(const Event& event);
  // Remembers `time` alone (no format known: every later line may take it).
  void observe(const Timestamp& time, std::string_view text = {});
  // `own` when the event has a time, else the carried time (none before the first, or after
  // a change of format).
  const Timestamp& effective(const Timestamp& own) const { return own.has_value() ? own : last(); }
  const Timestamp& last() const { return carrying_ ? last_ : none_; }
  const std::string& last_text() const { return carrying_ ? last_text_ : empty_; }

 private:
  bool starts_other_block(const Event& event) const;

  Timestamp last_;
  std::string last_text_;
  std::string format_;  // the outermost format of the stamped event (empty: any)
  SourceKind source_ = SourceKind::other;
  bool carrying_ = false;
  Timestamp none_;
  std::string empty_;
};

// The format a line was written in, for the carry: its outermost envelope (a PM2 line peeled
// out of a journal line is the journal's), "plain" for a line no format claimed.
std::string_view carry_format(const Event& event);

}  // namespace logdx
