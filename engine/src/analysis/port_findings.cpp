// A group is the port findings (causes port_conflict, port_holder, second_instance: the three
// ways the pack words "port N is taken") that share a port on one host. Its winner is the
// worst severity (a remark must never hide a fault), then the one naming the holder best
// (pid and command beat a bare "address in use"), then the heavier; the others fold under it.
#include "analysis/port_findings.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>
#include <string_view>

#include "analysis/linking.hpp"
#include "analysis/ranking.hpp"

namespace logdx::analysis {
namespace {

constexpr std::array<std::string_view, 3> kPortCauses = {"port_conflict", "port_holder",
                                                         "second_instance"};

bool port_finding(const BuiltDiagnosis& built, const LinkProfile& link) {
  return !link.ports.empty() && std::find(kPortCauses.begin(), kPortCauses.end(),
                                          built.diagnosis.cause) != kPortCauses.end();
}

bool same_port_and_host(const LinkProfile& a, const LinkProfile& b) {
  const bool port = std::any_of(a.ports.begin(), a.ports.end(), [&](const std::string& p) {
    return std::find(b.ports.begin(), b.ports.end(), p) != b.ports.end();
  });
  const bool hosts_differ = !a.hosts.empty() && !b.hosts.empty() &&
                            std::none_of(a.hosts.begin(), a.hosts.end(), [&](const std::string& h) {
                              return std::find(b.hosts.begin(), b.hosts.end(), h) != b.hosts.end();
                            });
  return port && !hosts_differ;
}

bool unfilled(const std::string& value) { return value.empty() || value.front() == '{'; }

std::size_t find_root(std::vector<std::size_t>& group, std::size_t i) {
  while (group[i] != i) i = group[i] = group[group[i]];
  return i;
}

}  // namespace

bool port_finding_wins_over(const std::vector<BuiltDiagnosis>& built,
                            const std::vector<LinkProfile>& links, std::size_t a, std::size_t b) {
  const auto& da = built[a].diagnosis;
  const auto& db = built[b].diagnosis;
  if (da.severity != db.severity) return da.severity > db.severity;
  if (links[a].holder.size() != links[b].holder.size()) {
    return links[a].holder.size() > links[b].holder.size();
  }
  const double wa = fold_weight(built[a]);
  const double wb = fold_weight(built[b]);
  return wa != wb ? wa > wb : a < b;
}

// The winner's facts gain the holder the others named (its title stays its own).
void take_holder_facts(Diagnosis& winner, const LinkProfile& from) {
  for (const auto& holder : from.holder) {  // no structured binding: clang 14 cannot capture it
    const std::string& name = holder.first;
    const std::string& value = holder.second;
    auto it = std::find_if(winner.facts.begin(), winner.facts.end(),
                           [&](const auto& fact) { return fact.first == name; });
    if (it == winner.facts.end()) {
      winner.facts.emplace_back(name, value);
    } else if (unfilled(it->second)) {
      it->second = value;
    }
  }
}

std::vector<int> merge_port_findings(std::vector<BuiltDiagnosis>& built,
                                     const std::vector<LinkProfile>& links) {
  const std::size_t n = built.size();
  std::vector<std::size_t> group(n);
  std::iota(group.begin(), group.end(), std::size_t{0});
  for (std::size_t a = 0; a < n; ++a) {
    if (!port_finding(built[a], links[a])) continue;
    for (std::size_t b = a + 1; b < n; ++b) {
      if (port_finding(built[b], links[b]) && same_port_and_host(links[a], links[b])) {
        group[find_root(group, b)] = find_root(group, a);
      }
    }
  }
  std::vector<int> winner_of(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t root = find_root(group, i);
    if (root == i && !port_finding(built[i], links[i])) continue;
    int& w = winner_of[root];
    if (w < 0 || port_finding_wins_over(built, links, i, static_cast<std::size_t>(w))) {
      w = static_cast<int>(i);
    }
  }
  std::vector<int> parent(n, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const int w = winner_of[find_root(group, i)];
    if (w < 0 || static_cast<std::size_t>(w) == i) continue;
    parent[i] = w;
    take_holder_facts(built[static_cast<std::size_t>(w)].diagnosis, links[i]);
  }
  return parent;
}

}  // namespace logdx::analysis
