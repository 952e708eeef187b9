#pragma once
// `analyze -o sarif`: SARIF 2.1.0 for code scanning and CI dashboards. One run; tool.driver
// lists every rule of the loaded pack (id, cause, title, default level, tags); each diagnosis,
// folded ones included, is a result: ruleId/ruleIndex, level from its severity (critical and
// error -> error, warning -> warning, info -> note), the title as message, its evidence lines
// as locations (input:line), partialFingerprints with the diagnosis fingerprint (stable across
// runs), and rank, cause, confidence, facts, count, times and the fix commands in properties
// (SARIF's own `fixes` are file edits, which these are not). Validated against the official
// schema by tests/cli/sarif_check.py.

#include <string>

#include "analysis_report.hpp"

namespace logdx::cli {

std::string analysis_sarif(const AnalysisReport& report);

// A path as a URI reference: unreserved bytes and '/' kept, everything else %-encoded.
std::string uri_reference(std::string_view path);

}  // namespace logdx::cli
