#pragma once
// Folding symptoms under the causes that explain them, and ranking what is left (the roots).
// The rules are in docs/ranking.md; this is their one implementation.

#include <cstdint>
#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Evidence strength in [0.75, 1): 0.75 for one direct line, closer to 1 with more distinct
// lines; an indirect line (join partner, folded symptom) counts half a direct one.
double evidence_strength(std::uint64_t direct, std::uint64_t indirect);

// severity × confidence: decides which of two causes that explain each other is the root.
double fold_weight(const BuiltDiagnosis& built);

struct FoldPlan {
  std::vector<int> parent;  // the index each diagnosis is folded under, or -1 for a root
  // Possibly related: one explains the other's cause, nothing in their lines contradicts a
  // link, but a time or a subject is missing on one side. Symmetric, by index.
  std::vector<std::vector<std::size_t>> related;
  // Explains the cause of a possibly related root: a specific cause ranks before the loop it
  // may explain even when the lines cannot prove the link.
  std::vector<bool> claims_related;
  // A possibly related root's rule explains this one's cause: the cause ranks before it.
  std::vector<bool> possibly_explained;
  // The worst severity among those roots (its own when none is worse): the cause ranks at it.
  std::vector<Severity> claim_severity;
};

// Decides the folds; `profiles[i]` describes `built[i]`. Port findings about one port are
// merged, so the winner may gain holder facts. No cycles.
FoldPlan plan_folds(std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles);

// Merges findings of one cause on the same lines (same_event.hpp), folds, ranks roots 1..N
// and returns them with their symptoms nested in `explains` and the possibly related findings
// named in `related`.
std::vector<Diagnosis> fold_and_rank(std::vector<BuiltDiagnosis> built,
                                     std::vector<LinkProfile> profiles);

}  // namespace logdx::analysis
