#include "journal/journal_display.hpp"

#include <fmt/format.h>

namespace logdx::journal {

void present_journal_entry(Event& event, std::uint64_t ordinal) {
  std::string line = event.time.has_value() ? format_timestamp(event.time) : event.time_text;
  if (!event.host.empty()) line += " " + event.host;
  const std::string& who = !event.process.empty() ? event.process : event.unit;
  if (!who.empty()) {
    line += " " + who;
    if (event.pid) line += fmt::format("[{}]", *event.pid);
    line += ":";
  }
  line += " " + event.message;
  event.raw = std::move(line);
  // line_count stays: it says the record spans several lines of the export stream, so a line
  // prefilter scans this event on its own instead of vouching for it from its first line.
  event.where.line = ordinal;
}

}  // namespace logdx::journal
