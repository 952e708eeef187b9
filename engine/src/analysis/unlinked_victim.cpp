#include "analysis/unlinked_victim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "analysis/linking.hpp"
#include "analysis/oom_victim_name.hpp"

namespace logdx::analysis {
namespace {

bool is_kill(const Diagnosis& d) { return d.cause.starts_with("oom_"); }

bool is_fault(const Diagnosis& d) { return d.severity >= Severity::error; }

// Whether a fault the kill may explain could be its doing (linked or possibly related).
bool may_explain_a_fault(const std::vector<BuiltDiagnosis>& built,
                         const std::vector<LinkProfile>& profiles, std::size_t kill) {
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (i == kill || !is_fault(built[i].diagnosis) || !rule_explains(built[kill], built[i])) {
      continue;
    }
    if (link_between(built[kill].diagnosis.cause, profiles[kill], profiles[i]) != Link::unrelated) {
      return true;
    }
  }
  return false;
}

// The gateway's own fault that the kill neither explains nor is linked to, or -1.
int own_gateway_fault(const std::vector<BuiltDiagnosis>& built,
                      const std::vector<LinkProfile>& profiles, std::size_t kill) {
  for (std::size_t i = 0; i < built.size(); ++i) {
    const Diagnosis& d = built[i].diagnosis;
    if (i == kill || !is_fault(d) || !profiles[i].gateway) continue;
    if (is_kill(d) || d.cause == kMemoryPressure || rule_explains(built[kill], built[i])) continue;
    if (link_between(built[kill].diagnosis.cause, profiles[kill], profiles[i]) != Link::linked) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

void lower(Diagnosis& kill, const Diagnosis& gateway_fault) {
  kill.cause = std::string(kMemoryPressure);
  kill.severity = Severity::warning;
  kill.title = fmt::format(
      "The OOM killer killed {}, which is not linked to the gateway's failure here: the host is "
      "short of memory",
      oom_victim_name(kill));
  kill.notes.push_back(fmt::format(
      "the gateway fails for a cause of its own ('{}', {}) and nothing links this kill to it "
      "(another pid, or no common time), so the kill is host memory pressure beside it, not its "
      "root cause",
      gateway_fault.rule, gateway_fault.cause));
}

}  // namespace

void lower_unlinked_victims(std::vector<BuiltDiagnosis>& built,
                            const std::vector<LinkProfile>& profiles) {
  for (std::size_t k = 0; k < built.size(); ++k) {
    const Diagnosis& d = built[k].diagnosis;
    if (!is_kill(d) || !is_fault(d) || profiles[k].gateway) continue;
    if (may_explain_a_fault(built, profiles, k)) continue;
    const int fault = own_gateway_fault(built, profiles, k);
    if (fault < 0) continue;
    lower(built[k].diagnosis, built[static_cast<std::size_t>(fault)].diagnosis);
  }
}

}  // namespace logdx::analysis
