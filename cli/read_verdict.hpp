#pragma once
// Whether an analysis had anything to look at. "No problem found" is a claim about a log; after
// reading nothing (a missing file, an empty folder, empty stdin, a journal unit without
// entries, a --since/--until window that left nothing, or lines in no format logdx knows) the
// report says what was read and what was left out instead, as rg does for "no files searched".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/event_reader.hpp"

namespace logdx::cli {

enum class EmptyRead {
  none,             // something was analysed
  no_input,         // no input could be opened (missing files, an empty folder)
  no_lines,         // the inputs were opened and held no line
  outside_window,   // lines were read, every event fell outside --since/--until
  plain_text_only,  // lines were read, none in a known format (only matters with no finding)
};

struct ReadVerdict {
  EmptyRead kind = EmptyRead::none;
  std::string message;  // one sentence for the report; "" when kind is none

  // Nothing readable: exit 2 (like rg), and no history record.
  bool unreadable() const { return kind == EmptyRead::no_input || kind == EmptyRead::no_lines; }
  // Nothing analysed: not recorded in the history.
  bool analysed_nothing() const { return unreadable() || kind == EmptyRead::outside_window; }
};

struct ReadFacts {
  const std::vector<InputSummary>& inputs;
  const std::vector<std::string>& left_out;  // "PATH: why" for what the resolver left out
  std::uint64_t outside_window = 0;          // events --since/--until left out
  std::string window;                        // the window as given ("--since 2h")
  std::uint64_t recognised_events = 0;       // events made by a parser other than plain text
  const std::vector<std::string>& given;     // the paths on the command line
};

ReadVerdict read_verdict(const ReadFacts& facts);

// "no_input", "no_lines", "outside_window", "plain_text_only" (JSON's `read.empty.reason`);
// "" for none.
std::string_view to_string(EmptyRead kind);

}  // namespace logdx::cli
