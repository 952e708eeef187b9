#include "analysis_report.hpp"

namespace logdx::cli {

std::string report_time(const Timestamp& t, std::string_view as_written) {
  switch (t.kind) {
    case TimeKind::utc:
    case TimeKind::local:
      return format_timestamp(t);
    case TimeKind::monotonic:
      return format_timestamp(t) + " s since boot";
    case TimeKind::none:
      break;
  }
  return std::string(as_written);
}

bool has_fault(const AnalysisResult& result) {
  return !result.diagnoses.empty() && result.diagnoses[0].severity >= Severity::error;
}

void TimeSpan::observe(const Timestamp& time, const std::string& text) {
  if (time.kind != TimeKind::utc && time.kind != TimeKind::local) return;
  // With -j, inputs are read by several workers and observed in no fixed order: two inputs
  // that share their first or last second would show either one's wording. Ties go to the
  // smaller text, so the summary is the same at every -j.
  if (!first_.has_value() || time.nanos < first_.nanos ||
      (time.nanos == first_.nanos && text < first_text_)) {
    first_ = time;
    first_text_ = text;
  }
  if (!last_.has_value() || time.nanos > last_.nanos ||
      (time.nanos == last_.nanos && text < last_text_)) {
    last_ = time;
    last_text_ = text;
  }
}

void TimeSpan::fill(ReadStats& stats) const {
  stats.first = first_;
  stats.last = last_;
  stats.first_text = first_text_;
  stats.last_text = last_text_;
}

}  // namespace logdx::cli
