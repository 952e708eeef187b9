// `logdx analyze`: events -> ranked diagnoses. (Being built: registers nothing yet.)
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace logdx::cli {

CommandRunner add_analyze_command(CLI::App&) {
  return []() { return -1; };
}

}  // namespace logdx::cli
