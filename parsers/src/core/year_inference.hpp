#pragma once
// The year of a yearless stamp (syslog's "Mar  5 08:20:25"), settled once per record. The
// parsers give such a stamp the year of the input's mtime (or --year, or this year on stdin);
// a paste of a 2024 log read in 2026 then mixes years when some of its lines carry their own
// full stamps (an ISO stamp behind the syslog prefix, a gateway console line), and the run's
// first/last times, windows and ordering span two years that never happened. So, unless the
// year was given (--year), a yearless stamp takes the year that puts it nearest the input's
// last full-year stamp before it (or, before any, the first one the detection sample shows).
// Without any full-year stamp the mtime rule stays: a month more than one after the mtime's
// is the year before (a syslog file written in January still holds December).

#include <cstdint>
#include <optional>
#include <string_view>

#include "logdx/parsers/timestamp.hpp"

namespace logdx {

class YearInference {
 public:
  // `reference_month`: the month of the mtime the default year came from, 0 when none did;
  // `from_stamps`: whether the input's own full stamps may settle the year (not with --year).
  YearInference(unsigned reference_month, bool from_stamps)
      : reference_month_(reference_month), from_stamps_(from_stamps) {}

  // A sampled line read before any record: its first date-and-time with a year, if any, is
  // where yearless stamps stand until a record's full stamp is seen.
  void seed(std::string_view line);
  // A record's time: a full one becomes the anchor; an inferred one takes its year from the
  // anchor, else from the mtime rule.
  void settle(Timestamp& time);

 private:
  unsigned reference_month_;
  bool from_stamps_;
  std::optional<Timestamp> anchor_;  // the last full-year wall-clock time seen
};

}  // namespace logdx
