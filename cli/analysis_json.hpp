#pragma once
// `analyze -o json`: the analysis as one JSON object, schema kAnalysisSchema
// (docs/output.md, "JSON"). Fields are only added; a change in shape bumps the schema.

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
// A time as JSON shows it: ISO-8601 (`...Z` for UTC, no zone for a local time, `PT12.5S` for
// seconds since boot), else the text as written; "" when there is none.
std::string iso_time(const Timestamp& t, const std::string& as_written);

class JsonWriter;
// One fix as `-o json` writes it (kind, text, command for shell, file for config, why,
// shown_under); SARIF's properties carry the same object.
void write_fix(JsonWriter& w, const RenderedFix& f);

std::string follow_json_line(std::string_view change, const Diagnosis& diagnosis);

}  // namespace logdx::cli
