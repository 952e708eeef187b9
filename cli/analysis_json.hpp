#pragma once
// `analyze -o json`: the analysis as one JSON object, schema "logdx.analysis/1"
// (../shared/contract.md). Fields are only ever added.

#include <string>
#include <vector>

#include "analysis_report.hpp"
#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace logdx::cli {

std::string analysis_json(const AnalysisResult& result, const std::vector<InputSummary>& inputs);
// The same, plus `timeline` (with --timeline) and `host` (with --host) when the report has them.
std::string analysis_json(const AnalysisReport& report);

// A time as the contract wants it: RFC 3339 UTC when absolute, else as the log wrote it.
std::string contract_time(const Timestamp& time, const std::string& as_written);

}  // namespace logdx::cli
