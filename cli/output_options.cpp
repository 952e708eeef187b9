#include "output_options.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "analysis_json.hpp"
#include "analysis_markdown.hpp"
#include "analysis_sarif.hpp"
#include "limit_options.hpp"
#include "text_layout.hpp"

namespace logdx::cli {
namespace {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) != 0;
}

void collect(const std::vector<Diagnosis>& list, host::HostQuestion& question) {
  for (const Diagnosis& d : list) {
    question.causes.push_back(d.cause);
    for (const auto& [name, value] : d.facts) {
      if (name == "unit" &&
          std::find(question.units.begin(), question.units.end(), value) == question.units.end()) {
        question.units.push_back(value);
      }
      if (name != "port" && name != "gateway_port") continue;
      int port = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
      if (ec == std::errc() && end == value.data() + value.size() && port > 0 && port < 65536 &&
          std::find(question.ports.begin(), question.ports.end(), port) == question.ports.end()) {
        question.ports.push_back(port);
      }
    }
    collect(d.explains, question);
  }
}

}  // namespace

void OutputOptions::add_to(CLI::App& command) {
  command.add_option("-o,--output", format, "text, json, markdown (for an issue) or sarif")
      ->check(CLI::IsMember({"text", "json", "markdown", "sarif"}));
  command.add_option("--color", color, "auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("--timeline", timeline,
                   "show the key events of every input merged in time order");
  command.add_option("--since", since,
                     "only events at or after TIME: 2026-11-24T10:00:00Z, 2026-11-24 10:00, "
                     "18:41, today, yesterday, now, 2h, 1h30m, -1h, \"1 hour ago\"");
  command.add_option("--until", until, "only events at or before TIME (same forms as --since)");
  command.add_flag("--host", host,
                   "also check this machine now (port holder, memory, gateway process, config)");
  command
      .add_option("--host-root", host_root,
                  "read /proc, the home folder and configs under this folder (for tests)")
      ->group(kAdvancedGroup);
}

void add_text_or_json_option(CLI::App& command, std::string& output) {
  command.add_option("-o,--output", output, "text or json")->check(CLI::IsMember({"text", "json"}));
  command.add_flag_callback(
      "--json", [&output] { output = "json"; }, "the same as -o json");
}

TimeWindow OutputOptions::window(const WallClock& clock) const {
  std::optional<TimeBound> from;
  std::optional<TimeBound> to;
  if (!since.empty()) from = parse_time_bound("--since", since, clock);
  if (!until.empty()) to = parse_time_bound("--until", until, clock);
  if (from && to && from->utc_nanos > to->utc_nanos) {
    throw std::invalid_argument(fmt::format("--since {} is after --until {}", since, until));
  }
  return TimeWindow(from, to);
}

TextStyle OutputOptions::text_style() const {
  return TextStyle{use_color(color), output_width(STDOUT_FILENO)};
}

std::optional<host::HostReport> OutputOptions::host_report(const AnalysisResult& result) const {
  if (!host) return std::nullopt;
  host::HostQuestion question;
  collect(result.diagnoses, question);
  return host::run_host_checks(question, host::HostPaths::from_environment(host_root));
}

std::string render(const OutputOptions& options, const AnalysisReport& report) {
  if (options.format == "json") return analysis_json(report);
  if (options.format == "markdown") return analysis_markdown(report);
  if (options.format == "sarif") return analysis_sarif(report);
  return analysis_text(report, options.text_style());
}

}  // namespace logdx::cli
