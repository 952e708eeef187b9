// `logdx rules`: list, show, lint, test, schema. (Being built: registers nothing yet.)
#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace logdx::cli {

CommandRunner add_rules_command(CLI::App&) {
  return []() { return -1; };
}

}  // namespace logdx::cli
