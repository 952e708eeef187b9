#include "analysis/tied_victim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "analysis/oom_victim_name.hpp"

namespace logdx::analysis {
namespace {

// Whether the lines tying `pid` come from another host than the kill's (a pid number means
// nothing across hosts). Either side naming no host does not say.
bool tied_on_other_host(const LinkProfile& profile, const PidNames& pids, std::int64_t pid) {
  const std::vector<std::string>* hosts = pids.hosts_of(pid);
  if (hosts == nullptr || hosts->empty() || profile.hosts.empty()) return false;
  return std::none_of(hosts->begin(), hosts->end(), [&](const std::string& host) {
    return std::find(profile.hosts.begin(), profile.hosts.end(), host) != profile.hosts.end();
  });
}

// The one service every killed pid of the kill is tied to, when the lines that tie each pid do
// not say it ended some other way (`Main PID: N (code=exited, status=1/FAILURE)`: the kill was
// not that process's death). None when a pid is untied (it may be the gateway's) or tied only on
// another host, when the pids are tied to different services, or when the finding names no pid.
std::optional<std::string> tied_service(const LinkProfile& profile, const PidNames& pids) {
  std::optional<std::string> service;
  for (std::int64_t pid : profile.pids) {
    const std::vector<std::string>* names = pids.names_of(pid);
    if (names == nullptr || names->empty()) return std::nullopt;
    if (tied_on_other_host(profile, pids, pid)) return std::nullopt;
    const ExitSigns exits = pids.exit_signs_of(pid);
    if (exits.known() && !exits.killed) return std::nullopt;
    const std::string name = normalise_subject_name(names->front());
    if (service && *service != name) return std::nullopt;
    service = name;
  }
  return service;
}

}  // namespace

void name_tied_victims(std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles,
                       const PidNames& pids) {
  for (std::size_t k = 0; k < built.size(); ++k) {
    Diagnosis& kill = built[k].diagnosis;
    const LinkProfile& profile = profiles[k];
    if (!kill.cause.starts_with("oom_") || kill.severity <= Severity::error) continue;
    // A gateway-like name anywhere in the profile (its pid's unit included) keeps it the
    // gateway's kill.
    if (profile.gateway) continue;
    const std::optional<std::string> service = tied_service(profile, pids);
    if (!service) continue;
    kill.severity = Severity::error;
    kill.title = fmt::format("The kernel OOM killer killed {}, a process of {}",
                             oom_victim_name(kill), *service);
    kill.notes.push_back(fmt::format(
        "the input ties the killed pid to {} (its Main PID, or its own lines with that pid), so "
        "the victim is that service's process, not the gateway",
        *service));
  }
}

}  // namespace logdx::analysis
