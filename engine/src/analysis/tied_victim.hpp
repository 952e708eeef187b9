#pragma once
// A kernel OOM kill whose victim only may be the gateway (`node`, outside any other service's
// cgroup as far as the kernel's lines say) is read as the gateway's memory death. When the
// input ties the killed pid to a service (systemctl status's `Main PID: N`, journal lines that
// carry the unit and the pid), the victim is that service's process: the kill is still the
// root cause of that service's failure, but it is not the gateway's (causes.md, "Whose failure
// counts": another service's failure is an error, the gateway down is critical).

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Each `oom_*` finding above `error` that is not about the gateway and whose pid the input ties
// to a unit or app becomes an `error` whose title names that service, with a note saying why.
void name_tied_victims(std::vector<BuiltDiagnosis>& built,
                       const std::vector<LinkProfile>& profiles);

}  // namespace logdx::analysis
