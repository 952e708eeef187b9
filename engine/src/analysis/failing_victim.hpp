#pragma once
// An OOM kill of a process that is not the gateway is host memory pressure, a warning
// (causes.md, "Unrelated OOM victims stay warnings"), unless the victim is the subject of the
// failure the input shows: then the kill is that service's root cause. This decides which
// memory_pressure findings are such kills, by their links (linking.hpp), before folding.

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Raises to `error` each `memory_pressure` finding whose victim is
// - linked (same host and subject, close in time, exits that fit a kill) to an error or
//   critical finding its rule explains (the unit that then fails, the app that loops), or
// - the only subject of the input: no other finding names another subject (other kills of
//   the same shortage aside) and no line of the input is about the gateway
//   (`input_names_gateway`).
// Its cause becomes the kill's own (`oom_systemd` for a systemd report, else `oom_kernel`),
// its title says whose root cause it is, and a note says why.
void raise_failing_victims(std::vector<BuiltDiagnosis>& built,
                           const std::vector<LinkProfile>& profiles, bool input_names_gateway);

}  // namespace logdx::analysis
