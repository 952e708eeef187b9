#pragma once
// `analyze -o json`: the analysis as one JSON object, schema "logdx.analysis/1"
// (../shared/contract.md). Fields are only ever added.

#include <string>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/parsers/event_reader.hpp"

namespace logdx::cli {

std::string analysis_json(const AnalysisResult& result, const std::vector<InputSummary>& inputs);

}  // namespace logdx::cli
