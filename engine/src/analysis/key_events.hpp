#pragma once
// The merged timeline of an analysis: every line a diagnosis rests on (its own hits and its
// join partner's) plus the restarts and exits that `restart-loop` rules matched, one entry per
// line, in time order across inputs (the same order correlation uses).

#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

// `drafts[r]` are rule r's drafts after joins (the ones that became diagnoses).
std::vector<TimelineEntry> key_events(const RuleSet& rules,
                                      const std::vector<std::vector<Draft>>& drafts,
                                      const KeptEvents& events, const KeptHits& hits);

}  // namespace logdx::analysis
