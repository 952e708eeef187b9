#include "analysis/host_tally.hpp"

#include <algorithm>

#include "analysis/fingerprint.hpp"

namespace logdx::analysis {
namespace {

bool hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

std::string host_key(std::string_view host) {
  std::string out = normalise_key_value(host);
  const bool address = !out.empty() && hex_digit(out.front()) &&
                       out.find_first_not_of("0123456789.:abcdef") == std::string::npos;
  if (!address) out = out.substr(0, out.find('.'));
  return out;
}

std::size_t HostTally::index_of(std::string_view host) {
  std::string key = host_key(host);
  const auto found = std::find_if(hosts_.begin(), hosts_.end(),
                                  [&](const HostSummary& h) { return h.host == key; });
  if (found != hosts_.end()) return static_cast<std::size_t>(found - hosts_.begin());
  hosts_.push_back(HostSummary{std::move(key), 0});
  return hosts_.size() - 1;
}

void HostTally::add(std::string_view host) {
  if (host.empty()) return;
  if (!has_last_ || host != last_raw_) {
    last_index_ = index_of(host);
    last_raw_.assign(host);
    has_last_ = true;
  }
  ++hosts_[last_index_].events;
}

void HostTally::absorb(const HostTally& other) {
  for (const HostSummary& h : other.hosts_) {
    const auto found = std::find_if(hosts_.begin(), hosts_.end(),
                                    [&](const HostSummary& mine) { return mine.host == h.host; });
    if (found != hosts_.end()) {
      found->events += h.events;
    } else {
      hosts_.push_back(h);
    }
  }
  has_last_ = false;  // an index may have moved: look the next host up again
}

std::vector<HostSummary> HostTally::hosts() const {
  std::vector<HostSummary> out = hosts_;
  std::sort(out.begin(), out.end(),
            [](const HostSummary& a, const HostSummary& b) { return a.host < b.host; });
  return out;
}

}  // namespace logdx::analysis
