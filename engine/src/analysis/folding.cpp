// Which diagnosis is folded under which (docs/ranking.md). A cause's rule must list the
// symptom's cause in `explains`, and the two must be linked by their lines: same host, a
// shared subject, close in time, exits that fit (linking.hpp). When nothing contradicts a link
// but a time or a subject is missing, they stay apart as "possibly related". Port findings
// about one port are merged first (port_findings.hpp). Two that explain each other: the one
// with the higher severity × confidence is the parent. An info/warning finding never folds an
// error/critical one (it could otherwise hide a fault under a remark). Longer cycles are
// broken at their heaviest member, which becomes a root.
#include <algorithm>

#include "analysis/linking.hpp"
#include "analysis/port_findings.hpp"
#include "analysis/ranking.hpp"

namespace logdx::analysis {
namespace {

bool explains(const BuiltDiagnosis& parent, const BuiltDiagnosis& child) {
  if (parent.diagnosis.cause == child.diagnosis.cause) return false;
  if (parent.diagnosis.severity < Severity::error && child.diagnosis.severity >= Severity::error) {
    return false;
  }
  return rule_explains(parent, child);
}

// Whether a is the heavier of two (ties: the earlier index, so the choice is stable).
bool heavier(const std::vector<BuiltDiagnosis>& built, std::size_t a, std::size_t b) {
  const double wa = fold_weight(built[a]);
  const double wb = fold_weight(built[b]);
  return wa != wb ? wa > wb : a < b;
}

void break_cycles(const std::vector<BuiltDiagnosis>& built, std::vector<int>& parent) {
  enum class Mark : std::uint8_t { fresh, walking, done };
  std::vector<Mark> marks(parent.size(), Mark::fresh);
  for (std::size_t start = 0; start < parent.size(); ++start) {
    std::vector<std::size_t> path;
    std::size_t at = start;
    while (marks[at] == Mark::fresh) {
      marks[at] = Mark::walking;
      path.push_back(at);
      if (parent[at] < 0) break;
      at = static_cast<std::size_t>(parent[at]);
    }
    if (marks[at] == Mark::walking && parent[at] >= 0) {  // `at` closes a cycle on this path
      const auto begin = std::find(path.begin(), path.end(), at);
      std::size_t heaviest = at;
      for (auto it = begin; it != path.end(); ++it) {
        if (heavier(built, *it, heaviest)) heaviest = *it;
      }
      parent[heaviest] = -1;
    }
    for (std::size_t node : path) marks[node] = Mark::done;
  }
}

// The links of every (cause, symptom) pair the rules allow: links[p][c].
std::vector<std::vector<Link>> pair_links(const std::vector<BuiltDiagnosis>& built,
                                          const std::vector<LinkProfile>& profiles) {
  const std::size_t n = built.size();
  std::vector<std::vector<Link>> out(n, std::vector<Link>(n, Link::unrelated));
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t c = 0; c < n; ++c) {
      if (p == c || !explains(built[p], built[c])) continue;
      out[p][c] = link_between(built[p].diagnosis.cause, profiles[p], profiles[c]);
    }
  }
  return out;
}

bool on_path_to(const std::vector<int>& parent, std::size_t from, std::size_t to) {
  for (int at = parent[from]; at >= 0; at = parent[static_cast<std::size_t>(at)]) {
    if (static_cast<std::size_t>(at) == to) return true;
  }
  return false;
}

// Possibly related pairs, kept only where neither ended up folded under the other.
void note_related(const std::vector<BuiltDiagnosis>& built,
                  const std::vector<std::vector<Link>>& links, FoldPlan& plan) {
  const std::size_t n = links.size();
  plan.related.assign(n, {});
  plan.claims_related.assign(n, false);
  plan.claim_severity.resize(n);
  plan.possibly_explained.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) plan.claim_severity[i] = built[i].diagnosis.severity;
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t c = 0; c < n; ++c) {
      if (links[p][c] != Link::related) continue;
      if (on_path_to(plan.parent, c, p) || on_path_to(plan.parent, p, c)) continue;
      for (auto [a, b] : {std::pair{p, c}, std::pair{c, p}}) {
        if (std::find(plan.related[a].begin(), plan.related[a].end(), b) == plan.related[a].end()) {
          plan.related[a].push_back(b);
        }
      }
      if (plan.parent[c] < 0) {
        plan.claims_related[p] = true;
        if (plan.parent[p] < 0) plan.possibly_explained[c] = true;
        plan.claim_severity[p] = std::max(plan.claim_severity[p], built[c].diagnosis.severity);
      }
    }
  }
}

}  // namespace

double fold_weight(const BuiltDiagnosis& built) {
  return (static_cast<double>(built.diagnosis.severity) + 1.0) * built.diagnosis.confidence;
}

FoldPlan plan_folds(std::vector<BuiltDiagnosis>& built, const std::vector<LinkProfile>& profiles) {
  FoldPlan plan;
  plan.parent = merge_port_findings(built, profiles);
  const std::vector<std::vector<Link>> links = pair_links(built, profiles);
  for (std::size_t child = 0; child < built.size(); ++child) {
    if (plan.parent[child] >= 0) continue;  // merged into its port finding
    int best = -1;
    for (std::size_t p = 0; p < built.size(); ++p) {
      if (links[p][child] != Link::linked) continue;
      // Mutual explanation: only the heavier one may be the parent.
      if (links[child][p] == Link::linked && !heavier(built, p, child)) continue;
      if (best < 0 || heavier(built, p, static_cast<std::size_t>(best))) {
        best = static_cast<int>(p);
      }
    }
    plan.parent[child] = best;
  }
  break_cycles(built, plan.parent);
  note_related(built, links, plan);
  return plan;
}

}  // namespace logdx::analysis
