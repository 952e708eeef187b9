// Which diagnosis is folded under which: a diagnosis whose cause is in another found
// diagnosis's rule `explains` goes under it. Two that explain each other: the one with the
// higher severity × confidence is the parent. An info/warning finding never folds an
// error/critical one (it could otherwise hide a fault under a remark). Longer cycles are
// broken at their heaviest member, which becomes a root.
#include <algorithm>

#include "analysis/ranking.hpp"

namespace logdx::analysis {
namespace {

bool explains(const BuiltDiagnosis& parent, const BuiltDiagnosis& child) {
  const auto& list = parent.rule->explains;
  if (parent.diagnosis.cause == child.diagnosis.cause) return false;
  if (parent.diagnosis.severity < Severity::error && child.diagnosis.severity >= Severity::error) {
    return false;
  }
  return std::find(list.begin(), list.end(), child.diagnosis.cause) != list.end();
}

// Whether a is the heavier of two (ties: the earlier index, so the choice is stable).
bool heavier(const std::vector<BuiltDiagnosis>& built, std::size_t a, std::size_t b) {
  const double wa = fold_weight(built[a]);
  const double wb = fold_weight(built[b]);
  return wa != wb ? wa > wb : a < b;
}

void break_cycles(const std::vector<BuiltDiagnosis>& built, std::vector<int>& parent) {
  enum class Mark : std::uint8_t { fresh, walking, done };
  std::vector<Mark> marks(parent.size(), Mark::fresh);
  for (std::size_t start = 0; start < parent.size(); ++start) {
    std::vector<std::size_t> path;
    std::size_t at = start;
    while (marks[at] == Mark::fresh) {
      marks[at] = Mark::walking;
      path.push_back(at);
      if (parent[at] < 0) break;
      at = static_cast<std::size_t>(parent[at]);
    }
    if (marks[at] == Mark::walking && parent[at] >= 0) {  // `at` closes a cycle on this path
      const auto begin = std::find(path.begin(), path.end(), at);
      std::size_t heaviest = at;
      for (auto it = begin; it != path.end(); ++it) {
        if (heavier(built, *it, heaviest)) heaviest = *it;
      }
      parent[heaviest] = -1;
    }
    for (std::size_t node : path) marks[node] = Mark::done;
  }
}

}  // namespace

double fold_weight(const BuiltDiagnosis& built) {
  return (static_cast<double>(built.diagnosis.severity) + 1.0) * built.diagnosis.confidence;
}

std::vector<int> choose_parents(const std::vector<BuiltDiagnosis>& built) {
  std::vector<int> parent(built.size(), -1);
  for (std::size_t child = 0; child < built.size(); ++child) {
    int best = -1;
    for (std::size_t p = 0; p < built.size(); ++p) {
      if (p == child || !explains(built[p], built[child])) continue;
      // Mutual explanation: only the heavier one may be the parent.
      if (explains(built[child], built[p]) && !heavier(built, p, child)) continue;
      if (best < 0 || heavier(built, p, static_cast<std::size_t>(best))) {
        best = static_cast<int>(p);
      }
    }
    parent[child] = best;
  }
  break_cycles(built, parent);
  return parent;
}

}  // namespace logdx::analysis
