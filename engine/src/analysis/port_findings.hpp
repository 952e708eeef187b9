#pragma once
// One port, one story: the findings about who holds a port (a port conflict, "the holder is
// another gateway", the holder line itself) are merged into the one that names the holder
// best, so a report never says two different things about one holder (docs/ranking.md).

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// One port, one port conflict: a `port_conflict` finding about the port and host of a
// stronger one (the worse severity, then the holder named best, then the heavier) is the same
// conflict found by another rule (openclaw's refusal seen under a looping manager, beside the
// refusal with its holder block). It is removed from `built` and `links` (kept parallel), its
// holder facts go to the stronger one, which notes its rule. Before folding.
void merge_same_port_conflicts(std::vector<BuiltDiagnosis>& built, std::vector<LinkProfile>& links);

// For each diagnosis, the index of the port finding it is merged under, or -1. The winner of
// each group takes the holder facts it lacks from the others.
std::vector<int> merge_port_findings(std::vector<BuiltDiagnosis>& built,
                                     const std::vector<LinkProfile>& links);

}  // namespace logdx::analysis
