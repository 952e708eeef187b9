#pragma once
// The time an event without one of its own is judged and placed by: the last time its input
// gave before it (carried forward), so a stack trace or a plain paste line stays with the
// record it belongs to. One per input. Used by the analysis's timeline (correlation) and by
// the time window (--since/--until), so the rule exists once.

#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx {

class CarriedTime {
 public:
  // Remembers `time` (and how it was written) when it has a value; a time-less call is a no-op.
  void observe(const Timestamp& time, std::string_view text = {}) {
    if (!time.has_value()) return;
    last_ = time;
    last_text_.assign(text);  // reuses capacity: no allocation per line
  }
  // `own` when the event has a time, else the last one observed (none before the first).
  const Timestamp& effective(const Timestamp& own) const { return own.has_value() ? own : last_; }
  const Timestamp& last() const { return last_; }
  const std::string& last_text() const { return last_text_; }

 private:
  Timestamp last_;
  std::string last_text_;
};

}  // namespace logdx
