#include "logdx/engine/time_window.hpp"

namespace logdx {

bool TimeWindow::inside(const Timestamp& time) const {
  const bool utc = time.kind == TimeKind::utc;
  if (since_ && time.nanos < (utc ? since_->utc_nanos : since_->local_nanos)) return false;
  if (until_ && time.nanos > (utc ? until_->utc_nanos : until_->local_nanos)) return false;
  return true;
}

bool TimeWindow::keep(const Event& event, std::size_t input_index) {
  if (!active()) return true;
  if (input_index >= last_.size()) last_.resize(input_index + 1);
  CarriedTime& carried = last_[input_index];
  carried.observe(event);
  // Seconds since boot (raw dmesg, own or carried) cannot be placed on the calendar: kept.
  const Timestamp& judged = carried.effective(event.time);
  if (!judged.has_value() || judged.kind == TimeKind::monotonic || inside(judged)) return true;
  ++dropped_;
  return false;
}

}  // namespace logdx
