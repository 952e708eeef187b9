#pragma once
// One port, one story: the findings about who holds a port (a port conflict, "the holder is
// another gateway", the holder line itself) are merged into the one that names the holder
// best, so a report never says two different things about one holder (docs/ranking.md).

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Which of two port findings stands: the worse severity, then the one naming the holder best
// (pid and command beat a bare "address in use"), then the heavier, then the earlier.
bool port_finding_wins_over(const std::vector<BuiltDiagnosis>& built,
                            const std::vector<LinkProfile>& links, std::size_t a, std::size_t b);

// The winner's facts gain the holder `from` named (holder_pid, holder_command) where it lacks
// them; its title stays its own.
void take_holder_facts(Diagnosis& winner, const LinkProfile& from);

// For each diagnosis, the index of the port finding it is merged under, or -1. The winner of
// each group takes the holder facts it lacks from the others.
std::vector<int> merge_port_findings(std::vector<BuiltDiagnosis>& built,
                                     const std::vector<LinkProfile>& links);

}  // namespace logdx::analysis
