#pragma once
// Whether a cause and a symptom are linked (causes.md: "A cause explains a symptom only when
// they are linked"): same host, a shared subject, the cause close before or during the
// symptom, and exits that fit the cause. The rules are in docs/ranking.md, "Links".

#include <chrono>
#include <cstdint>
#include <string_view>

#include "analysis/link_profile.hpp"

namespace logdx::analysis {

// How far before a symptom starts its cause's last line may be. Ten minutes covers a systemd or pm2 loop's
// first rounds after the fault (RestartSec and back-off are seconds to a minute) and a slow
// start's window, and is far shorter than the days between an old OOM kill and today's loop
// that a paste of a whole journal puts side by side.
inline constexpr std::chrono::minutes kLinkWindow{10};

// The cause of host memory pressure: an OOM kill of a process that is not the failing service
// (causes.md), which the OOM steps raise or lower to and from `oom_*`.
inline constexpr std::string_view kMemoryPressure = "memory_pressure";

enum class Link : std::uint8_t {
  linked,     // fold the symptom under the cause
  related,    // nothing contradicts a link, but a time or a subject is missing on one side
  unrelated,  // the lines say they are about different things, hosts or times
};

// `cause_id` is the cause's `cause`: an `oom_*` cause kills with SIGKILL, so a symptom whose
// exits say otherwise (status=1/FAILURE) is not its doing.
Link link_between(std::string_view cause_id, const LinkProfile& cause, const LinkProfile& symptom);

// Whether the two share a subject (a name, a pid, a port, or both being the gateway).
bool share_subject(const LinkProfile& a, const LinkProfile& b);

// Whether both name a subject of one kind (names, pids, ports), so that sharing none proves
// they are about different things.
bool comparable_subjects(const LinkProfile& a, const LinkProfile& b);

}  // namespace logdx::analysis
