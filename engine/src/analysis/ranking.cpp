// Ranking the roots (docs/ranking.md): severity first, so an info/warning finding never
// outranks an error/critical one; then confidence × evidence strength; then the earlier
// first_seen; then rule id and fingerprint, so equal diagnoses keep one order run after run.
#include "analysis/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace logdx::analysis {
namespace {

double score(const BuiltDiagnosis& built) {
  return built.diagnosis.confidence * evidence_strength(built.direct, built.indirect);
}

bool ranks_before(const BuiltDiagnosis& a, const BuiltDiagnosis& b) {
  if (a.diagnosis.severity != b.diagnosis.severity) {
    return a.diagnosis.severity > b.diagnosis.severity;
  }
  const double sa = score(a);
  const double sb = score(b);
  if (sa != sb) return sa > sb;
  return std::tie(a.first_clock, a.diagnosis.first_seen.nanos, a.diagnosis.rule,
                  a.diagnosis.fingerprint) < std::tie(b.first_clock, b.diagnosis.first_seen.nanos,
                                                      b.diagnosis.rule, b.diagnosis.fingerprint);
}

// Moves node `index` out of `built`, with its children (ranked the same way) nested in it.
Diagnosis nest(std::vector<BuiltDiagnosis>& built,
               const std::vector<std::vector<std::size_t>>& kids, std::size_t index) {
  std::vector<std::size_t> order = kids[index];
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return ranks_before(built[a], built[b]); });
  Diagnosis out = std::move(built[index].diagnosis);
  out.rank = 0;
  for (std::size_t child : order) out.explains.push_back(nest(built, kids, child));
  return out;
}

}  // namespace

double evidence_strength(std::uint64_t direct, std::uint64_t indirect) {
  const double lines = static_cast<double>(std::max<std::uint64_t>(direct, 1) - 1) +
                       0.5 * static_cast<double>(indirect);
  // Capped so that strength stays below 1 (2^-1000 would round to 0) and keeps its order.
  return 1.0 - 0.25 * std::exp2(-std::min(lines, 40.0));
}

std::vector<Diagnosis> fold_and_rank(std::vector<BuiltDiagnosis> built) {
  const std::vector<int> parent = choose_parents(built);
  std::vector<std::vector<std::size_t>> kids(built.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (parent[i] < 0) {
      roots.push_back(i);
    } else {
      kids[static_cast<std::size_t>(parent[i])].push_back(i);
    }
  }
  // A cause that explains what else was found is the likelier root: its symptoms count as
  // indirect evidence.
  for (std::size_t i = 0; i < built.size(); ++i) built[i].indirect += kids[i].size();
  std::sort(roots.begin(), roots.end(),
            [&](std::size_t a, std::size_t b) { return ranks_before(built[a], built[b]); });
  std::vector<Diagnosis> out;
  out.reserve(roots.size());
  for (std::size_t root : roots) {
    out.push_back(nest(built, kids, root));
    out.back().rank = static_cast<int>(out.size());
  }
  return out;
}

}  // namespace logdx::analysis
