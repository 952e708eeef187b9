#include "core/year_inference.hpp"

#include "grammar/time.hpp"

namespace logdx {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::int64_t distance(const Timestamp& a, const Timestamp& b) {
  return a.nanos > b.nanos ? a.nanos - b.nanos : b.nanos - a.nanos;
}

// The year offset, against the anchor's year, that puts `time` nearest the anchor.
Timestamp nearest_year(const Timestamp& time, const Timestamp& anchor) {
  const int gap = year_of(anchor) - year_of(time);
  Timestamp best = shift_years(time, gap);
  for (const int step : {-1, 1}) {
    const Timestamp other = shift_years(time, gap + step);
    if (distance(other, anchor) < distance(best, anchor)) best = other;
  }
  return best;
}

}  // namespace

void YearInference::seed(std::string_view line) {
  if (!from_stamps_ || anchor_.has_value()) return;
  // A date with its clock ("2024-03-05T08:20:25", "2024-03-05 08:20:25") is a stamp; a date
  // alone in prose ("expires 2027-01-01") is not taken.
  for (std::size_t i = 0; i + 19 <= line.size(); ++i) {
    if (!is_digit(line[i]) || (i > 0 && is_digit(line[i - 1]))) continue;
    std::string_view rest = line.substr(i);
    Timestamp time;
    std::string_view text;
    if (grammar::iso8601(rest, time, text) && time.has_value() && !time.year_inferred &&
        text.size() >= 19) {
      anchor_ = time;
      return;
    }
  }
}

void YearInference::settle(Timestamp& time) {
  if (time.kind != TimeKind::utc && time.kind != TimeKind::local) return;
  if (!time.year_inferred) {
    if (from_stamps_) anchor_ = time;
    return;
  }
  if (anchor_.has_value()) {
    time = nearest_year(time, *anchor_);
  } else if (reference_month_ != 0 && month_of(time) > reference_month_ + 1) {
    time = shift_years(time, -1);
  }
}

}  // namespace logdx
