#include "analysis/failing_victim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/linking.hpp"
#include "analysis/oom_victim_name.hpp"

namespace logdx::analysis {
namespace {

// The failure of the victim this input shows, or -1.
int failure_of_victim(const std::vector<BuiltDiagnosis>& built,
                      const std::vector<LinkProfile>& profiles, std::size_t victim) {
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (i == victim || built[i].diagnosis.severity < Severity::error) continue;
    if (!rule_explains(built[victim], built[i])) continue;
    if (link_between(built[victim].diagnosis.cause, profiles[victim], profiles[i]) ==
        Link::linked) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Whether the victims are all the input is about: every other finding shares the victim's
// subject or is another kill of the same shortage (the OOM killer often takes several
// processes in a row; none of them is a service failing for another reason).
bool only_subject(const std::vector<BuiltDiagnosis>& built,
                  const std::vector<LinkProfile>& profiles, std::size_t victim) {
  if (!profiles[victim].has_subject() || profiles[victim].gateway) return false;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (i == victim || !profiles[i].has_subject()) continue;
    if (profiles[i].gateway) return false;
    if (built[i].diagnosis.cause == kMemoryPressure) continue;
    if (!share_subject(profiles[i], profiles[victim])) return false;
  }
  return true;
}

void raise(BuiltDiagnosis& victim, std::string reason) {
  Diagnosis& d = victim.diagnosis;
  const bool systemd = std::find(victim.rule->sources.begin(), victim.rule->sources.end(),
                                 SourceKind::systemd) != victim.rule->sources.end();
  d.cause = systemd ? "oom_systemd" : "oom_kernel";
  d.severity = Severity::error;
  d.title = fmt::format("The OOM killer killed {}: the root cause of its failure here",
                        oom_victim_name(d));
  d.notes.push_back(std::move(reason));
}

}  // namespace

void raise_failing_victims(std::vector<BuiltDiagnosis>& built,
                           const std::vector<LinkProfile>& profiles, bool input_names_gateway) {
  // Decided on the findings as they came, then raised: raising one victim changes its cause,
  // which must not change whether the next victim is alone in the input.
  std::vector<std::pair<std::size_t, std::string>> raised;
  for (std::size_t v = 0; v < built.size(); ++v) {
    if (built[v].diagnosis.cause != kMemoryPressure) continue;
    if (built[v].diagnosis.severity >= Severity::error) continue;
    const int failure = failure_of_victim(built, profiles, v);
    if (failure >= 0) {
      raised.emplace_back(
          v, fmt::format("the victim is the subject of '{}' ({}) right after the kill, so "
                         "the kill is its cause, not only host memory pressure",
                         built[static_cast<std::size_t>(failure)].diagnosis.rule,
                         built[static_cast<std::size_t>(failure)].diagnosis.cause));
    } else if (!input_names_gateway && only_subject(built, profiles, v)) {
      raised.emplace_back(v,
                          "the OOM killer's victims are all this input is about (no gateway "
                          "line, no other service's finding), so the kill is its root cause");
    }
  }
  for (auto& [v, reason] : raised) raise(built[v], std::move(reason));
}

}  // namespace logdx::analysis
