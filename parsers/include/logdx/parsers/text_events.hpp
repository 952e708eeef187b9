#pragma once
// The events the reading phase makes of a text held in memory, read as one input the way
// `logdx analyze -` reads a paste: paste cleaning, format detection, the per-line fallback,
// peeling and record joining are the EventReader's, not a copy of them. `rules test` reads each
// test line this way (cli/rules_command.cpp), so a rule is checked against the event it will
// see in a real log, not only against the line's text.

#include <string_view>
#include <vector>

#include "logdx/parsers/event.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

// `name` is what the events' location calls the input. Reader diagnostics (a cut line) are
// dropped: the caller asks what the parsers make of the text, not whether it is a good input.
std::vector<Event> read_text_events(const ParserRegistry& registry, std::string_view text,
                                    std::string_view name = "-");

}  // namespace logdx
