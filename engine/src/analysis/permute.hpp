#pragma once
// Reorders kept hits in place: a sorted copy would hold every hit twice at the end of a run.

#include <cstdint>
#include <vector>

#include "analysis/matched_event.hpp"

namespace logdx::analysis {

// Afterwards hits[i] is what hits[order[i]] was. `order` must be a permutation of
// 0..hits.size()-1; it is used up (left as the identity).
void permute(KeptHits& hits, std::vector<std::uint32_t>& order);

}  // namespace logdx::analysis
