#pragma once
// Which hosts a run's events came from and how many events each gave: a run over a fleet's
// central store (journal-remote, a central rsyslog, a shipper's JSON lines) reports per host,
// lists a host with no finding as healthy, and keeps findings of different hosts apart.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/engine/diagnosis.hpp"

namespace logdx::analysis {

// A host's identity: lower case, cut at the first dot (`oc-gw-01.example.net` is `oc-gw-01`,
// a paste mixes both); an address keeps its dots. Empty for an empty host.
std::string host_key(std::string_view host);

class HostTally {
 public:
  // Counts one event of `host` (as the event wrote it; empty: the event names no host).
  void add(std::string_view host);
  // Adds the counts of another tally (a parallel worker's).
  void absorb(const HostTally& other);
  // More than one named host: findings are then kept apart per host.
  bool many() const { return hosts_.size() > 1; }
  // Named hosts by key, in name order.
  std::vector<HostSummary> hosts() const;

 private:
  std::size_t index_of(std::string_view host);

  // Events of one host come in runs: the last raw spelling and its entry spare a key per event.
  std::string last_raw_;
  std::size_t last_index_ = 0;
  bool has_last_ = false;
  std::vector<HostSummary> hosts_;
};

}  // namespace logdx::analysis
