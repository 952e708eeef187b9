// dmesg lines: an optional priority or facility/level prefix, a bracketed stamp, one space,
// then the kernel's text as written (leading spaces of Call Trace frames kept). Multi-line
// kernel messages (Mem-Info, memcg stats) continue on lines that dmesg indents to the width
// of its prefix; those lines belong to the record, with that indentation removed so the
// message reads as the kernel wrote it.

#include "kernel/dmesg_parser.hpp"

#include "logdx/parsers/source_classifier.hpp"

namespace logdx::kernel {
namespace {

bool starts_with_blank(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

// A message a userspace program wrote to /dev/kmsg carries its own `ident[pid]: `.
void take_userspace_ident(Event& event) {
  std::string_view rest = event.message;
  std::string_view ident;
  long long pid = 0;
  if (!parse_ident_pid(rest, ident, pid)) return;
  event.process.assign(ident);
  event.pid = pid;
  event.source = classify_source(event.process, "", SourceKind::app);
}

}  // namespace

bool DmesgParser::parse_prefix(std::string_view& rest, Event& event) const {
  if (shape_.prefix == DmesgPrefix::priority) {
    int priority = 0;
    if (!parse_priority_prefix(rest, priority)) return false;
    event.level = level_from_syslog_priority(priority & 7);
    event.set_field("facility", facility_name(priority >> 3));
  } else if (shape_.prefix == DmesgPrefix::decode) {
    std::string_view facility;
    std::string_view level;
    if (!parse_decode_prefix(rest, facility, level)) return false;
    event.level = level_from_string(level);
    event.set_field("facility", facility);
  }
  return true;
}

// A refusal forgets the open record, so only a parser without one may turn a line away: then
// only its prefix (`<N>`, a facility name) or, without one, the stamp's '[' can start a record.
bool DmesgParser::may_start(std::string_view line) const {
  if (has_open_) return true;
  if (line.empty()) return false;
  const char first = line.front();
  switch (shape_.prefix) {
    case DmesgPrefix::priority:
      return first == '<';
    case DmesgPrefix::decode:
      return may_start_decode_prefix(line);
    case DmesgPrefix::none:
      return first == '[';
  }
  return true;
}

StartBytes DmesgParser::start_bytes() const {
  switch (shape_.prefix) {
    case DmesgPrefix::priority:
      return StartBytes{}.add("<");
    case DmesgPrefix::decode:
      return StartBytes{}.add_held(":");  // "kern  :err   : ": a facility name and its colon
    case DmesgPrefix::none:
      return StartBytes{}.add("[");
  }
  return StartBytes::any();
}

LineVerdict DmesgParser::parse_line(std::string_view line, Event& fresh, Event* open) {
  if (starts_with_blank(line)) return continue_record(line, open);
  std::string_view rest = line;
  if (!parse_prefix(rest, fresh)) {
    has_open_ = false;
    return LineVerdict::no_match;
  }
  std::string_view stamp_text;
  const bool stamped = parse_bracket_stamp(rest, shape_.stamps, fresh.time, stamp_text);
  // After the stamp comes one space (none when the message is empty); after a decode prefix
  // with `-t`, the text follows the prefix directly.
  const bool spaced = rest.empty() || rest.front() == ' ';
  if ((!stamped && !shape_.stamp_optional) || (stamped && !spaced)) {
    has_open_ = false;
    return LineVerdict::no_match;
  }
  if (stamped) {
    fresh.time_text.assign(stamp_text);
    if (!rest.empty()) rest.remove_prefix(1);
  }
  if (shape_.prefix == DmesgPrefix::none && looks_like_journal_host_ident(rest)) {
    has_open_ = false;
    return LineVerdict::no_match;
  }
  // `dmesg -r` prints continuation lines raw; the other renderings indent them by the prefix.
  indent_ = shape_.prefix == DmesgPrefix::priority ? 0 : line.size() - rest.size();
  fresh.message.assign(rest);
  fresh.process = "kernel";
  fresh.source = SourceKind::kernel;
  const auto facility = fresh.field("facility");
  if (facility && *facility != "kern") take_userspace_ident(fresh);
  has_open_ = true;
  return LineVerdict::record;
}

LineVerdict DmesgParser::continue_record(std::string_view line, Event* open) {
  if (open == nullptr || !has_open_) return LineVerdict::no_match;
  std::size_t strip = 0;
  while (strip < indent_ && strip < line.size() && line[strip] == ' ') ++strip;
  open->message.push_back('\n');
  open->message.append(line.substr(strip));
  return LineVerdict::continuation;
}

}  // namespace logdx::kernel
