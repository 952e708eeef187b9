#include "analysis/timeline.hpp"

#include <algorithm>

namespace logdx::analysis {
namespace {

void raise(std::optional<std::int64_t>& high, std::int64_t value) {
  high = high ? std::max(*high, value) : value;
}

Clock clock_of(const Timestamp& time, std::size_t input_index) {
  switch (time.kind) {
    case TimeKind::utc:
    case TimeKind::local:
      return {Clock::Kind::absolute, 0};
    case TimeKind::monotonic:
      return {Clock::Kind::monotonic, static_cast<std::uint32_t>(input_index)};
    case TimeKind::none:
      break;
  }
  return {Clock::Kind::untimed, static_cast<std::uint32_t>(input_index)};
}

}  // namespace

Timeline::InputTimes& Timeline::at(std::size_t input_index) {
  if (input_index >= inputs_.size()) inputs_.resize(input_index + 1);
  return inputs_[input_index];
}

void Timeline::observe(const Event& event, std::size_t input_index) {
  // An unstamped line is observed too: one of another format ends the carry (carried_time.hpp).
  if (!event.time.has_value() && input_index >= inputs_.size()) return;
  InputTimes& times = at(input_index);
  times.carried.observe(event);
  if (!event.time.has_value()) return;
  if (event.time.kind == TimeKind::monotonic) {
    raise(times.max_monotonic, event.time.nanos);
  } else {
    raise(times.max_absolute, event.time.nanos);
  }
}

const std::string& Timeline::place(const Event& event, std::size_t input_index,
                                   MatchedEvent& out) const {
  const bool own = event.time.has_value() || input_index >= inputs_.size();
  out.effective = own ? event.time : inputs_[input_index].carried.last();
  out.clock = clock_of(out.effective, input_index);
  return own ? event.time_text : inputs_[input_index].carried.last_text();
}

void Timeline::absorb(Timeline&& part) {
  for (std::size_t i = 0; i < part.inputs_.size(); ++i) {
    InputTimes& theirs = part.inputs_[i];
    if (!theirs.carried.last().has_value() && !theirs.max_absolute && !theirs.max_monotonic)
      continue;
    at(i) = std::move(theirs);
  }
}

std::optional<std::int64_t> Timeline::reach(std::size_t input_index, const Clock& clock) const {
  if (input_index >= inputs_.size()) return std::nullopt;
  switch (clock.kind) {
    case Clock::Kind::absolute:
      return inputs_[input_index].max_absolute;
    case Clock::Kind::monotonic:
      return inputs_[input_index].max_monotonic;
    case Clock::Kind::untimed:
      break;
  }
  return std::nullopt;
}

}  // namespace logdx::analysis
