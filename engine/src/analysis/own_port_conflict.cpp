#include "analysis/own_port_conflict.hpp"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "analysis/linking.hpp"

namespace logdx::analysis {
namespace {

constexpr std::string_view kPortConflict = "port_conflict";

// The worst error/critical finding the conflict explains and is linked to, or -1.
int failure_it_causes(const std::vector<BuiltDiagnosis>& built,
                      const std::vector<LinkProfile>& profiles, std::size_t conflict) {
  int worst = -1;
  for (std::size_t i = 0; i < built.size(); ++i) {
    if (i == conflict || built[i].diagnosis.severity < Severity::error) continue;
    if (!rule_explains(built[conflict], built[i])) continue;
    if (link_between(built[conflict].diagnosis.cause, profiles[conflict], profiles[i]) !=
        Link::linked) {
      continue;
    }
    if (worst < 0 ||
        built[i].diagnosis.severity > built[static_cast<std::size_t>(worst)].diagnosis.severity) {
      worst = static_cast<int>(i);
    }
  }
  return worst;
}

}  // namespace

void raise_own_port_conflicts(std::vector<BuiltDiagnosis>& built,
                              const std::vector<LinkProfile>& profiles) {
  // Decided first, raised after: a raised conflict must not change what the next one links to.
  std::vector<std::pair<std::size_t, std::size_t>> raised;  // (conflict, its failure)
  for (std::size_t c = 0; c < built.size(); ++c) {
    if (built[c].diagnosis.cause != kPortConflict) continue;
    if (built[c].diagnosis.severity >= Severity::error) continue;
    const int failure = failure_it_causes(built, profiles, c);
    if (failure >= 0) raised.emplace_back(c, static_cast<std::size_t>(failure));
  }
  for (const auto& [c, f] : raised) {
    Diagnosis& conflict = built[c].diagnosis;
    const Diagnosis& failure = built[f].diagnosis;
    conflict.severity = failure.severity;
    conflict.notes.push_back(fmt::format(
        "the same app is the subject of '{}' ({}) while it fails on this port, so each start "
        "dies here: the port conflict is that failure's cause, not only this app's remark",
        failure.rule, failure.cause));
  }
}

}  // namespace logdx::analysis
