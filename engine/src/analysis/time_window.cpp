#include "logdx/engine/time_window.hpp"

namespace logdx {

bool TimeWindow::inside(const Timestamp& time) const {
  const bool utc = time.kind == TimeKind::utc;
  if (since_ && time.nanos < (utc ? since_->utc_nanos : since_->local_nanos)) return false;
  if (until_ && time.nanos > (utc ? until_->utc_nanos : until_->local_nanos)) return false;
  return true;
}

bool TimeWindow::keep(const Event& event, std::size_t input_index) {
  // Monotonic times neither are judged nor carried: they cannot be placed on the calendar.
  if (!active() || event.time.kind == TimeKind::monotonic) return true;
  if (input_index >= last_.size()) last_.resize(input_index + 1);
  CarriedTime& carried = last_[input_index];
  carried.observe(event.time);
  const Timestamp& judged = carried.effective(event.time);
  if (!judged.has_value() || inside(judged)) return true;
  ++dropped_;
  return false;
}

}  // namespace logdx
