#include "analysis/permute.hpp"

#include <utility>

namespace logdx::analysis {

void permute(KeptHits& hits, std::vector<std::uint32_t>& order) {
  // Cycle by cycle: the first hit of a cycle is held aside, each place then takes the hit it
  // names, and the last place of the cycle takes the held one. A place done names itself.
  for (std::uint32_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Hit held = std::move(hits[start]);
    std::uint32_t at = start;
    while (order[at] != start) {
      const std::uint32_t from = order[at];
      hits[at] = std::move(hits[from]);
      order[at] = at;
      at = from;
    }
    hits[at] = std::move(held);
    order[at] = at;
  }
}

}  // namespace logdx::analysis
