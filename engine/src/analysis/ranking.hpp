#pragma once
// Folding symptoms under the causes that explain them, and ranking what is left (the roots).
// The rules are in docs/ranking.md; this is their one implementation.

#include <cstdint>
#include <vector>

#include "analysis/diagnosis_builder.hpp"

namespace logdx::analysis {

// Evidence strength in [0.75, 1): 0.75 for one direct line, closer to 1 with more distinct
// lines; an indirect line (join partner, folded symptom) counts half a direct one.
double evidence_strength(std::uint64_t direct, std::uint64_t indirect);

// severity × confidence: decides which of two causes that explain each other is the root.
double fold_weight(const BuiltDiagnosis& built);

// For each diagnosis, the index of the one it is folded under, or -1 for a root. No cycles.
std::vector<int> choose_parents(const std::vector<BuiltDiagnosis>& built);

// Folds, ranks roots 1..N and returns them with their symptoms nested in `explains`.
std::vector<Diagnosis> fold_and_rank(std::vector<BuiltDiagnosis> built);

}  // namespace logdx::analysis
