#pragma once
// Per-input time bookkeeping while events stream in: the last time seen (carried forward to
// events that have none) and how far each input's timeline reaches (for `absent`, which may
// only fire once the input has gone past A + within).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/matched_event.hpp"
#include "logdx/engine/carried_time.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx::analysis {

class Timeline {
 public:
  // Records the event's time (every event, matched or not).
  void observe(const Event& event, std::size_t input_index);

  // Fills `out.effective` and `out.clock` from the event's own time or the last one its input
  // gave before it; returns that time's stamp as written.
  const std::string& place(const Event& event, std::size_t input_index, MatchedEvent& out) const;

  // Takes over the inputs `part` saw (inputs this timeline has not seen).
  void absorb(Timeline&& part);

  // The latest time input `input_index` reached on `clock`; nullopt when it has none there.
  std::optional<std::int64_t> reach(std::size_t input_index, const Clock& clock) const;

 private:
  struct InputTimes {
    CarriedTime carried;  // the last time seen, for events that have none
    std::optional<std::int64_t> max_absolute;
    std::optional<std::int64_t> max_monotonic;
  };
  InputTimes& at(std::size_t input_index);

  std::vector<InputTimes> inputs_;
};

}  // namespace logdx::analysis
