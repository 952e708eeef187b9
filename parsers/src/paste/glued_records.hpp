#pragma once
// Two records on one physical line, when a paste lost the line end between them:
// "... scheduling restart.Mar 06 02:30:04 c1 systemd[1]: Stopping x..." or a JSON object
// followed by another ("{...}{...}"). Only a full envelope prefix of the same shape as the
// line's own is a second record, so a message that merely quotes a date is never split.

#include <cstddef>
#include <string_view>

namespace logdx::paste {

// Where the second record starts in `line`, or 0 when the line holds one record. Cheap for
// the common line: one bounded look for the stamp's time and one search for its first token.
std::size_t glued_record_start(std::string_view line);

}  // namespace logdx::paste
