#pragma once
// `analyze -o json`: the analysis as one JSON object, schema "logdx.analysis/1"
// (../shared/contract.md). Fields are only ever added.

#include <string>
#include <string_view>
#include <vector>

#include "analysis_report.hpp"
#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace logdx::cli {

std::string analysis_json(const AnalysisResult& result, const std::vector<InputSummary>& inputs);
// The same, plus `timeline` (with --timeline) and `host` (with --host) when the report has them.
std::string analysis_json(const AnalysisReport& report);

// One line of `analyze --follow -o json`: a diagnosis that appeared ("new") or whose count or
// severity moved ("changed"), schema "logdx.follow/1".
std::string follow_json_line(std::string_view change, const Diagnosis& diagnosis);

}  // namespace logdx::cli
