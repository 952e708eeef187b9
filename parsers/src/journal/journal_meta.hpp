#pragma once
// Lines journalctl writes around its entries that are not entries: "-- Journal begins at ...
// --" / "-- Logs begin at ..." / "-- No entries --" / "-- Boot <id> --" headers, the
// unprivileged-user hint, and the -x catalog text ("░░ Subject: ..." or, before systemd 246,
// "-- Subject: ...").

#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

enum class MetaLine : std::uint8_t {
  none,     // not a meta line: an entry or something else
  header,   // skip
  catalog,  // explanatory text for the entry above: attach to it
};

// `after_entry`: whether the previous line of this input was an entry (or catalog) of ours;
// the old "-- " catalog style is only recognised there, because "-- " alone is too common.
MetaLine classify_meta_line(std::string_view line, bool after_entry);
// False only when classify_meta_line says `none` whatever `after_entry` is: every meta line
// starts with "░░", '-', "Hint" or a blank.
bool may_be_meta_line(std::string_view line);

// Applies a meta line to the parse: headers are skipped, catalog text is added to the open
// entry's "catalog" field (continuation) or skipped when there is none.
LineVerdict apply_meta_line(MetaLine kind, std::string_view line, Event* open);

}  // namespace logdx::journal
