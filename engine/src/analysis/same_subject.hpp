#pragma once
// One cause about one subject, one finding (docs/ranking.md, "One cause, one subject"): pm2's
// exits of an app again and again, its give-up on the app's script and `pm2 describe`'s
// "errored" are three rules saying one thing. They become the strongest one, with the others'
// lines in its evidence and a note naming their rules. A port conflict's subject is its port.

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Findings of one cause about one subject (one port for `port_conflict`; else the same app,
// unit or container names, after a script path's app) on one host (or where a host is
// missing), whose times are not more than kLinkWindow apart (or cannot be compared), and
// whose facts do not disagree (two missing config keys are two findings). The weaker ones
// (worse severity first, then the holder named best, then the heavier) are removed from
// `built` and `links` (kept parallel); the strongest keeps its facts and fixes, gains their
// holder facts, a first and a last of their evidence lines, their span and their subjects.
// Before folding.
void merge_same_subject_findings(std::vector<BuiltDiagnosis>& built,
                                 std::vector<LinkProfile>& links);

}  // namespace logdx::analysis
