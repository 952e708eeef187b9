#pragma once
// Draft -> Diagnosis: facts (the rule's `facts` templates, or by default every named capture
// in the rule's capture order, first value wins), the title and the fixes filled in (fixes
// shell-quoted), first/last seen, and the evidence collapsed to head + tail with the rest
// counted in evidence_omitted.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/draft.hpp"
#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

// A rendered diagnosis with what folding and ranking still need to know about it.
struct BuiltDiagnosis {
  Diagnosis diagnosis;
  const CompiledRule* rule = nullptr;
  Clock first_clock;
  std::uint64_t direct = 0;    // distinct events of the rule itself
  std::uint64_t indirect = 0;  // join partner events (+ folded symptoms, added by folding)
};

// Whether `cause`'s rule lists `symptom`'s cause in its `explains:` (a link between their
// lines is asked of linking.hpp, apart).
inline bool rule_explains(const BuiltDiagnosis& cause, const BuiltDiagnosis& symptom) {
  const auto& list = cause.rule->explains;
  return std::find(list.begin(), list.end(), symptom.diagnosis.cause) != list.end();
}

struct EvidenceLimits {
  std::size_t head = 3;
  std::size_t tail = 2;
  std::size_t partner = 2;  // join partner lines shown after the rule's own
};

BuiltDiagnosis build_diagnosis(const Draft& draft, const CompiledRule& rule,
                               const KeptEvents& events, const KeptHits& hits,
                               const EvidenceLimits& limits);

// Confidence kept in [0, 1] and rounded to two decimals (what users read and compare).
double clamp_confidence(double value);

}  // namespace logdx::analysis
