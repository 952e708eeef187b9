#pragma once
// One fix, one place: several findings of one incident often share a fix (`free -h` under a
// heap crash and under the loop it caused). The same fix (kind, file, text) stays whole on
// every diagnosis but is marked as shown under the best-ranked diagnosis that has it, so the
// printers show it once and refer to it elsewhere (RenderedFix::shown_under).

#include <vector>

#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

// `diagnoses` ranked (diagnoses[0] the root cause). Reported diagnoses come first, in rank
// order, then folded symptoms level by level: a printed finding keeps a fix before a folded
// one does.
void mark_repeated_fixes(std::vector<Diagnosis>& diagnoses);

}  // namespace logdx::analysis
