#pragma once
// Entries read from the journal itself (--journal) have no line as written: their export form
// is logdx's own. For evidence they are shown the way `journalctl -o short-iso` would show them,
// and numbered by their place in what was read (journal:17 = the 17th entry).

#include <cstdint>

#include "logdx/parsers/event.hpp"

namespace logdx::journal {

void present_journal_entry(Event& event, std::uint64_t ordinal);

}  // namespace logdx::journal
