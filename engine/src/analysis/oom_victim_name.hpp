#pragma once
// Who an OOM kill killed, as its finding's facts name it: "node (pid 4411)", the unit when the
// report names no process, "a process" when it names neither. Titles and notes of the steps
// that raise or lower a kill (failing_victim, unlinked_victim) say it the same way.

#include <string>

#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

std::string oom_victim_name(const Diagnosis& kill);

}  // namespace logdx::analysis
