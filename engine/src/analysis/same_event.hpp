#pragma once
// One event, one finding per cause: two rules that both read one crash record (node's
// unhandled-rejection header and the uncaught error after its caret) say the same thing
// twice. The lower-ranked finding whose lines are all lines of a higher-ranked finding of the
// same cause is merged into it: the winner keeps its rule id and notes the other rule as also
// matched (docs/ranking.md, "One event, one finding"). Rules then need no `not:` that mirrors
// another rule's pattern only to stay out of its way. A rule that names the other in its
// `subsumed_by` (a weaker form of it: two quick exits beside a loop of many) is dropped
// without the note, whatever the two rank and whichever causes they name, when the other holds
// each of its occurrences: the same line, or a line printed with it for one failure (same
// subject and host, within a second).

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Removes the merged findings from `built` and `profiles` (kept parallel: profiles[i]
// describes built[i]) and notes each on the finding it was merged into.
void merge_same_event_findings(std::vector<BuiltDiagnosis>& built,
                               std::vector<LinkProfile>& profiles);

}  // namespace logdx::analysis
