#pragma once
// Which line of a multi-line record proves a finding. A kernel OOM report is one record of
// several lines ("node invoked oom-killer: ...", the task table, "Out of memory: Killed process
// 4242 (node) ..."); its first line says little, the line the rule's pattern matched says it
// all. Evidence keeps the whole record and points at that line.

#include <cstddef>
#include <string>

#include "analysis/matched_event.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

// The 0-based line of `event.raw` where the rule's first pattern that holds on the event
// begins (its `match`, else a correlate step or `missing`, in the order the rule gives them;
// `any` looks at its children in order, `all` takes its first child that locates). 0 for a
// one-line record, a record no pattern locates, or a line the raw text does not have.
// `raw` is the event's raw() (read once by the caller).
std::size_t decisive_line(const CompiledRule& rule, const MatchedEvent& event,
                          const std::string& raw);

// Where the message starts in line `line` of `event.raw` (after the envelopes: time, host,
// unit, pid, ...), so a printer short of room can shorten the envelope and keep the message;
// npos when the message is not there as written (a JSON log escapes it).
std::size_t message_start(const MatchedEvent& event, const std::string& raw, std::size_t line);

}  // namespace logdx::analysis
