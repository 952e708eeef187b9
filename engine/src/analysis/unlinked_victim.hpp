#pragma once
// An OOM kill whose victim only may be the gateway (a process named `node`, a container's task)
// is reported as the gateway's memory death while nothing says otherwise. When the input shows
// the gateway failing for a cause of its own (a port conflict, an invalid config) that the kill
// does not explain, and the kill is not linked to it (another pid, no common time), the kill
// is host memory pressure beside that failure: a warning, never its root (causes.md, "Whose
// failure counts" and the OOM trap; docs/ranking.md, "A victim beside the gateway's failure").

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Lowers to a `memory_pressure` warning each `oom_*` finding at `error` or above whose victim
// does not look like the gateway, when
// - an `error`/`critical` finding about the gateway has a cause the kill's rule does not
//   explain and is not linked to the kill, and
// - no `error`/`critical` finding the kill's rule explains may be its doing (every such
//   finding is unrelated to it: other exits, another subject, another time).
// A note names the gateway's failure and says why.
void lower_unlinked_victims(std::vector<BuiltDiagnosis>& built,
                            const std::vector<LinkProfile>& profiles);

}  // namespace logdx::analysis
