#include "analysis/tied_victim.hpp"

#include <fmt/format.h>

#include "analysis/oom_victim_name.hpp"

namespace logdx::analysis {

void name_tied_victims(std::vector<BuiltDiagnosis>& built,
                       const std::vector<LinkProfile>& profiles) {
  for (std::size_t k = 0; k < built.size(); ++k) {
    Diagnosis& kill = built[k].diagnosis;
    const LinkProfile& profile = profiles[k];
    if (!kill.cause.starts_with("oom_") || kill.severity <= Severity::error) continue;
    // A gateway-like name anywhere in the profile (its pid's unit included) keeps it the
    // gateway's kill.
    if (profile.gateway || profile.pid_names.empty()) continue;
    const std::string& service = profile.pid_names.front();
    kill.severity = Severity::error;
    kill.title = fmt::format("The kernel OOM killer killed {}, a process of {}",
                             oom_victim_name(kill), service);
    kill.notes.push_back(fmt::format(
        "the input ties the killed pid to {} (its Main PID, or its own lines with that pid), so "
        "the victim is that service's process, not the gateway",
        service));
  }
}

}  // namespace logdx::analysis
