#include "limit_options.hpp"

#include <CLI/CLI.hpp>

namespace logdx::cli {

CLI::Option* whole_number(CLI::Option* option, std::size_t min, std::size_t max) {
  return option->type_name("N")->check(CLI::Range(min, max).description(""));
}

void LimitOptions::add_to(CLI::App& command) {
  whole_number(command.add_option("--max-groups", max_groups,
                                  "correlation groups kept per rule (default 10000, 1 to 10 "
                                  "million); further groups are not correlated, a note says so"),
               1, 10'000'000)
      ->group(kAdvancedGroup);
  whole_number(command.add_option("--max-hits-per-rule", max_hits,
                                  "matching lines kept per rule (default 10000, 1 to 100 "
                                  "million); later ones are counted only"),
               1, 100'000'000)
      ->group(kAdvancedGroup);
  whole_number(command.add_option("--max-evidence", max_evidence,
                                  "log lines shown as proof per diagnosis (default 5: first 3, "
                                  "last 2; at most 10000); the rest are counted"),
               1, 10'000)
      ->group(kAdvancedGroup);
}

AnalyzerOptions LimitOptions::analyzer_options() const {
  AnalyzerOptions options;
  options.max_groups_per_rule = max_groups;
  options.max_hits_per_rule = max_hits;
  // The end of a run matters as much as its start (the last crash before the stop), so the
  // proof is split like the default 3 + 2: the larger half from the start.
  options.evidence_tail = max_evidence / 2;
  options.evidence_head = max_evidence - options.evidence_tail;
  return options;
}

}  // namespace logdx::cli
