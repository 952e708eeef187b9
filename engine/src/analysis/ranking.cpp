// Ranking the roots (docs/ranking.md): severity first (a cause at the worst severity of the
// possibly related roots it may explain), so an info/warning finding never outranks an
// error/critical one; then what a possibly related root may explain after it, and a cause
// before a root that explains nothing; then confidence × evidence strength; then the earlier
// first_seen; then rule id and fingerprint, so equal diagnoses keep one order run after run.
#include "analysis/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "analysis/same_event.hpp"
#include "analysis/same_subject.hpp"

namespace logdx::analysis {
namespace {

double score(const BuiltDiagnosis& built) {
  return built.diagnosis.confidence * evidence_strength(built.direct, built.indirect);
}

// Among roots of one severity and one claim: score, then first seen, then names.
bool score_then_order(const BuiltDiagnosis& a, const BuiltDiagnosis& b) {
  const double sa = score(a);
  const double sb = score(b);
  if (sa != sb) return sa > sb;
  return std::tie(a.first_clock, a.diagnosis.first_seen.nanos, a.diagnosis.rule,
                  a.diagnosis.fingerprint) < std::tie(b.first_clock, b.diagnosis.first_seen.nanos,
                                                      b.diagnosis.rule, b.diagnosis.fingerprint);
}

// Roots rank at their own severity, or at the worst severity of a root they may explain (the
// explains guard keeps a remark from ever explaining a fault, so this lifts error to critical
// at most): a port conflict that may explain a critical loop is no less urgent than the loop.
struct Ranked {
  const std::vector<BuiltDiagnosis>& built;
  const FoldPlan& plan;

  bool operator()(std::size_t a, std::size_t b) const {
    const Severity sa = std::max(built[a].diagnosis.severity, plan.claim_severity[a]);
    const Severity sb = std::max(built[b].diagnosis.severity, plan.claim_severity[b]);
    if (sa != sb) return sa > sb;
    if (plan.possibly_explained[a] != plan.possibly_explained[b]) {
      return plan.possibly_explained[b];  // the cause before what it may explain
    }
    if (plan.claims_related[a] != plan.claims_related[b]) return plan.claims_related[a];
    return score_then_order(built[a], built[b]);
  }
};

// Moves node `index` out of `built`, with its children (ranked the same way) nested in it.
Diagnosis nest(std::vector<BuiltDiagnosis>& built,
               const std::vector<std::vector<std::size_t>>& kids, const Ranked& ranked,
               std::size_t index) {
  std::vector<std::size_t> order = kids[index];
  std::sort(order.begin(), order.end(), ranked);
  Diagnosis out = std::move(built[index].diagnosis);
  out.rank = 0;
  for (std::size_t child : order) out.explains.push_back(nest(built, kids, ranked, child));
  return out;
}

// Names each diagnosis's possibly related findings (before nest() moves them out).
void name_related(std::vector<BuiltDiagnosis>& built, const FoldPlan& plan) {
  std::vector<RelatedFinding> names;
  names.reserve(built.size());
  for (const BuiltDiagnosis& b : built) {
    names.push_back({b.diagnosis.rule, b.diagnosis.cause, b.diagnosis.fingerprint});
  }
  for (std::size_t i = 0; i < built.size(); ++i) {
    for (std::size_t other : plan.related[i]) built[i].diagnosis.related.push_back(names[other]);
  }
}

}  // namespace

double evidence_strength(std::uint64_t direct, std::uint64_t indirect) {
  const double lines = static_cast<double>(std::max<std::uint64_t>(direct, 1) - 1) +
                       0.5 * static_cast<double>(indirect);
  // Capped so that strength stays below 1 (2^-1000 would round to 0) and keeps its order.
  return 1.0 - 0.25 * std::exp2(-std::min(lines, 40.0));
}

std::vector<Diagnosis> fold_and_rank(std::vector<BuiltDiagnosis> built,
                                     std::vector<LinkProfile> profiles) {
  merge_same_event_findings(built, profiles);
  merge_same_subject_findings(built, profiles);
  const FoldPlan plan = plan_folds(built, profiles);
  const std::vector<int>& parent = plan.parent;
  name_related(built, plan);
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
  const Ranked ranked{built, plan};
  std::sort(roots.begin(), roots.end(), ranked);
  std::vector<Diagnosis> out;
  out.reserve(roots.size());
  for (std::size_t root : roots) {
    out.push_back(nest(built, kids, ranked, root));
    out.back().rank = static_cast<int>(out.size());
  }
  return out;
}

}  // namespace logdx::analysis
