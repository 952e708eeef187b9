#include "analysis/repeated_fixes.hpp"

#include <algorithm>

namespace logdx::analysis {
namespace {

struct Owner {
  const RenderedFix* fix;
  const Diagnosis* diagnosis;
};

// A fix is run on the host whose finding asks for it: the same command for two hosts is
// shown under each (a line without a host may be any of them, so it shares).
bool same_host(const Diagnosis& a, const Diagnosis& b) {
  return a.host.empty() || b.host.empty() || a.host == b.host;
}

void mark_level(const std::vector<Diagnosis*>& level, std::vector<Owner>& owners) {
  for (Diagnosis* d : level) {
    for (RenderedFix& fix : d->fixes) {
      const auto owner = std::find_if(owners.begin(), owners.end(), [&](const Owner& o) {
        return o.fix->same_fix_as(fix) && same_host(*o.diagnosis, *d);
      });
      if (owner == owners.end()) {
        owners.push_back({&fix, d});
      } else if (owner->diagnosis != d) {
        fix.shown_under = owner->diagnosis->fingerprint;
        fix.shown_under_rule = owner->diagnosis->rule;
      }
    }
  }
}

}  // namespace

void mark_repeated_fixes(std::vector<Diagnosis>& diagnoses) {
  std::vector<Owner> owners;
  std::vector<Diagnosis*> level;
  for (Diagnosis& d : diagnoses) level.push_back(&d);
  while (!level.empty()) {
    mark_level(level, owners);
    std::vector<Diagnosis*> next;
    for (Diagnosis* d : level) {
      for (Diagnosis& folded : d->explains) next.push_back(&folded);
    }
    level = std::move(next);
  }
}

}  // namespace logdx::analysis
