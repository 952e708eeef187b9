#pragma once
// One syslog-shaped line: "<stamp> host ident[pid]: message", for every stamp journalctl and
// rsyslog write. The stamp shapes are separate parsers (they are separate formats to detect),
// the grammar after the stamp is one (syslog_tail).

#include <cstdint>
#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

enum class StampShape : std::uint8_t {
  bsd,        // "Feb 10 15:05:10[.123456]": short, short-precise, rsyslog traditional, macOS
  iso,        // "2026-02-10T15:05:10[.ffffff]+0000": short-iso[-precise], rsyslog RFC 3339
  monotonic,  // "[ 1266.589311]": short-monotonic
  unix_time,  // "1770735910.101274": short-unix
  weekday,    // "Tue 2026-02-10 15:05:10 UTC": with-unit, short-full
};

// Parses one line of the given shape into `event`. False (event unspecified) when the line
// is not of that shape.
bool parse_short_line(StampShape shape, int default_year, std::string_view line, Event& event);
// A cheap necessary condition of parse_short_line: false only when the line cannot start
// with a stamp of that shape (a prose line never passes).
bool may_start_short_line(StampShape shape, std::string_view line);

// The parser for one stamp shape, with journalctl's header and catalog lines.
std::unique_ptr<EnvelopeParser> make_short_parser(const ParserInfo& info, StampShape shape,
                                                  const ParserOptions& options);

}  // namespace logdx::journal
