// The text report of a run over many hosts (a fleet's central store): a summary line per host
// (its worst finding and how many it has, or healthy), then the findings grouped by host, so
// each machine's story reads on its own.
#include "analysis_text_hosts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "terminal_text.hpp"
#include "text_layout.hpp"

namespace logdx::cli {
namespace {

constexpr std::string_view kNoHost = "(no host)";

std::string shown_host(const std::string& host) {
  return host.empty() ? std::string(kNoHost) : terminal_safe(host);
}

}  // namespace

bool reports_per_host(const AnalysisResult& result) { return result.hosts.size() > 1; }

std::vector<HostFindings> findings_by_host(const AnalysisResult& result) {
  std::vector<HostFindings> out;
  // Diagnoses are ranked: a host's first one is its worst, and hosts follow their worst.
  for (const Diagnosis& d : result.diagnoses) {
    auto found = std::find_if(out.begin(), out.end(),
                              [&](const HostFindings& h) { return h.host == d.host; });
    if (found == out.end()) found = out.insert(out.end(), HostFindings{d.host, {}});
    found->findings.push_back(&d);
  }
  // Lines that name no host go after every named host: they belong to none of them.
  std::stable_partition(out.begin(), out.end(),
                        [](const HostFindings& h) { return !h.host.empty(); });
  for (const HostSummary& h : result.hosts) {
    const bool listed = std::any_of(out.begin(), out.end(),
                                    [&](const HostFindings& f) { return f.host == h.host; });
    if (!listed) out.push_back(HostFindings{h.host, {}});
  }
  return out;
}

std::string host_summary_text(const AnalysisResult& result, const TextStyle& style) {
  const std::vector<HostFindings> hosts = findings_by_host(result);
  std::size_t faulty = 0, remarks = 0, healthy = 0, width = 0;
  for (const HostFindings& h : hosts) {
    if (h.host.empty()) continue;
    width = std::max(width, display_width(shown_host(h.host)));
    if (h.findings.empty()) {
      ++healthy;
    } else if (h.findings.front()->severity >= Severity::error) {
      ++faulty;
    } else {
      ++remarks;
    }
  }
  std::string out = fmt::format("{} hosts: {} with a fault, {} with only remarks, {} healthy\n",
                                result.hosts.size(), faulty, remarks, healthy);
  for (const HostFindings& h : hosts) {
    const std::string name = shown_host(h.host);
    const std::string pad(width > display_width(name) ? width - display_width(name) : 0, ' ');
    std::string line;
    if (h.findings.empty()) {
      const auto seen = std::find_if(result.hosts.begin(), result.hosts.end(),
                                     [&](const HostSummary& s) { return s.host == h.host; });
      line = fmt::format("healthy   no finding in {} events",
                         seen != result.hosts.end() ? seen->events : 0);
    } else {
      const Diagnosis& worst = *h.findings.front();
      line = fmt::format("{:<9} {} ({}), {} finding{}", to_string(worst.severity),
                         terminal_safe(worst.title), worst.cause, h.findings.size(),
                         h.findings.size() == 1 ? "" : "s");
    }
    out += wrap(line, style.width, "  " + name + pad + "  ", std::string(width + 14, ' '));
  }
  return out;
}

std::string host_heading(const std::string& host) {
  return fmt::format("== host {} ==\n", shown_host(host));
}

}  // namespace logdx::cli
