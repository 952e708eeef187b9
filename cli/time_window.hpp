#pragma once
// `--since` / `--until`: which events an analysis looks at, decided before any rule sees them.
// A bound is any form of time_arg.hpp (ISO-8601, "18:41", "today", "1 hour ago", "2h"); a
// zone-less one is the machine's wall clock. The clock is passed in, so tests fix "now".
//
// Which time an event is judged by:
// - its own time; a local (zone-less) time against the bound in the machine's zone, so
//   `--since 2h` means the same two hours for a syslog file and a UTC journal;
// - no time of its own (a stack trace line, a plain paste): the last time its input gave before
//   it (carried forward, as correlation does), so a multi-line record stays whole;
// - no time yet in its input, or seconds since boot (raw dmesg): kept, because it cannot be
//   placed on the calendar; a window never silently drops what it cannot judge.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "logdx/parsers/event.hpp"

namespace logdx::cli {

struct WallClock {
  std::int64_t now_utc_nanos = 0;
  // The machine's zone now: local = utc + offset. One offset for the whole window, so at the
  // edge of a window across a DST change local-time logs are an hour off.
  std::int64_t local_offset_seconds = 0;
  static WallClock system();
};

// One instant, as UTC and as the machine's wall clock (for logs that write local times).
struct TimeBound {
  std::int64_t utc_nanos = 0;
  std::int64_t local_nanos = 0;
};

// Throws std::invalid_argument naming the option and the text when it is neither form.
TimeBound parse_time_bound(std::string_view option, std::string_view text, const WallClock& clock);

class TimeWindow {
 public:
  TimeWindow() = default;
  TimeWindow(std::optional<TimeBound> since, std::optional<TimeBound> until)
      : since_(since), until_(until) {}

  bool active() const { return since_.has_value() || until_.has_value(); }
  // Whether the event is inside the window; call for every event of an input, in order.
  bool keep(const Event& event, std::size_t input_index);
  std::uint64_t dropped() const { return dropped_; }

 private:
  bool inside(const Timestamp& time) const;

  std::optional<TimeBound> since_;
  std::optional<TimeBound> until_;
  std::vector<Timestamp> last_;  // per input: the last calendar time seen
  std::uint64_t dropped_ = 0;
};

}  // namespace logdx::cli
