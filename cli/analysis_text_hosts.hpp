#pragma once
// A run over many hosts (AnalysisResult::hosts holds more than one): the per-host summary that
// opens the text report, and the findings grouped by host for the sections after it.

#include <string>
#include <vector>

#include "analysis_text.hpp"

namespace logdx::cli {

// Whether the report is laid out per host: the inputs named more than one host.
bool reports_per_host(const AnalysisResult& result);

struct HostFindings {
  std::string host;                        // empty: lines that named no host
  std::vector<const Diagnosis*> findings;  // in rank order; empty for a healthy host
};

// Hosts with findings in the order of their worst finding, then those lines that named no host,
// then the healthy hosts (in name order).
std::vector<HostFindings> findings_by_host(const AnalysisResult& result);

// "3 hosts: 1 with a fault, ..." and a line per host: its worst finding and how many it has,
// or "healthy" with the events it gave.
std::string host_summary_text(const AnalysisResult& result, const TextStyle& style);

// The heading of one host's findings.
std::string host_heading(const std::string& host);

}  // namespace logdx::cli
