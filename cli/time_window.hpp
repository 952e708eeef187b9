#pragma once
// `--since` / `--until` read from the command line into the engine's TimeBound; the engine
// applies the window (logdx/engine/time_window.hpp says which time judges which event).
// A bound is any form of time_arg.hpp (ISO-8601, "18:41", "today", "1 hour ago", "2h"); a
// zone-less one is the machine's wall clock. The clock is passed in, so tests fix "now".

#include <cstdint>
#include <string_view>

#include "logdx/engine/time_window.hpp"

namespace logdx::cli {

struct WallClock {
  std::int64_t now_utc_nanos = 0;
  // The machine's zone now: local = utc + offset. One offset for the whole window, so at the
  // edge of a window across a DST change local-time logs are an hour off.
  std::int64_t local_offset_seconds = 0;
  static WallClock system();
};

// Throws std::invalid_argument naming the option and the text when it is neither form.
TimeBound parse_time_bound(std::string_view option, std::string_view text, const WallClock& clock);

}  // namespace logdx::cli
