#pragma once
// `--since` / `--until` applied: which events an analysis looks at, decided before any rule
// sees them (the CLI parses the bounds; the Analyzer applies the window, analyzer.hpp).
//
// Which time an event is judged by:
// - its own time; a local (zone-less) time against the bound in the machine's zone, so
//   `--since 2h` means the same two hours for a syslog file and a UTC journal;
// - no time of its own (a stack trace line, a plain paste): the last calendar time its input
//   gave before it in the same block (carried forward, carried_time.hpp), so a multi-line
//   record stays whole;
// - no time yet in its input (or none since a change of format), or seconds since boot (raw
//   dmesg, own or carried): kept, because it cannot be
//   placed on the calendar; a window never silently drops what it cannot judge.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "logdx/engine/carried_time.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx {

// One instant, as UTC and as the machine's wall clock (for logs that write local times).
struct TimeBound {
  std::int64_t utc_nanos = 0;
  std::int64_t local_nanos = 0;
};

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
  std::vector<CarriedTime> last_;  // per input: the last calendar time seen
  std::uint64_t dropped_ = 0;
};

}  // namespace logdx
