#pragma once
// A kernel OOM kill whose victim only may be the gateway (`node`, outside any other service's
// cgroup as far as the kernel's lines say) is read as the gateway's memory death. When the
// input ties the killed pid to a service (systemctl status's `Main PID: N`, journal lines that
// carry the unit and the pid), the victim is that service's process: the kill is still the
// root cause of that service's failure (an error, as another service's loop or port conflict
// is), but it is not the gateway's, whose death is critical. Only when every killed pid of the
// finding is tied to that one service, and the tying lines do not say the process ended some
// other way (an exit status): one untied pid may still be the gateway.

#include <vector>

#include "analysis/diagnosis_builder.hpp"
#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// Each `oom_*` finding above `error` that is not about the gateway and whose pids the input
// ties to one unit or app becomes an `error` whose title names that service, with a note.
void name_tied_victims(std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles,
                       const PidNames& pids);

}  // namespace logdx::analysis
