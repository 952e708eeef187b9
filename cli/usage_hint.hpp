#pragma once
// What to say when CLI11 refuses a command line because of a mistyped word: "'anlyze' is not a
// logdx command; did you mean 'analyze'?" instead of CLI11's "A subcommand is required" or
// "The following arguments were not expected", the way git and cargo answer a typo.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace logdx::cli {

// The first word of `args` (argv, program name first) that names no command or option where it
// stands, explained with the nearest known spelling; empty when every word is known (the
// error is then CLI11's own, a missing or bad value).
std::string usage_hint(CLI::App& app, const std::vector<std::string>& args);

}  // namespace logdx::cli
