#pragma once
// A port conflict of an app that is not the gateway is a warning that blames nobody else
// (rules/startup-port.yaml, node-listen-eaddrinuse-other-app), unless that same app's manager
// is looping on it: then each start dies on the port, and the conflict is the loop's cause
// (causes.md: a specific cause outranks the loop it explains). This raises such conflicts,
// by their links (linking.hpp), before folding, so the loop folds under them.

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Raises each `port_conflict` finding below `error` that is linked (same host and subject,
// close in time) to an error or critical finding its rule explains (the app's restart loop,
// pm2 giving up on it) to that finding's severity, with a note naming it. An app's conflict
// beside another app's loop is not linked (another subject) and stays as it was.
void raise_own_port_conflicts(std::vector<BuiltDiagnosis>& built,
                              const std::vector<LinkProfile>& profiles);

}  // namespace logdx::analysis
