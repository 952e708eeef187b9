#pragma once
// The time formats a declared line format may name (docs/rules.md "Formats"): a small set
// that covers what wrappers write, checked when the format loads so a typo is a load error.

#include <optional>
#include <string>
#include <string_view>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::formats {

class DeclaredTime {
 public:
  // "iso8601", "syslog", "epoch", "time-only", or a strftime subset (%Y %y %m %d %e %H %M %S
  // %b %f %z %T %F %%); nullopt for anything else. "" means the format has no time.
  static std::optional<DeclaredTime> parse(std::string_view format);

  // Reads the whole of `text`. True when it is a time of this format; `out` stays empty
  // (kind none) for a time of day without a date, which places nothing on a clock.
  bool read(std::string_view text, int default_year, Timestamp& out) const;

 private:
  enum class Kind : std::uint8_t { none, iso8601, syslog, epoch, time_only, strftime };
  Kind kind_ = Kind::none;
  std::string pattern_;  // strftime only
};

}  // namespace logdx::formats
