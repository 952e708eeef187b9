#pragma once
// POSIX shell quoting for values substituted into fix commands, so a capture taken from a log
// line (attacker-controlled text) can never become more than one argument nor run anything.
// The CLI uses it too, to record a run's command line as one copy-pasteable string.

#include <string>
#include <string_view>
#include <vector>

namespace logdx {

// Values made only of [A-Za-z0-9_@%+=:,./-] (and not empty) are returned bare; anything else
// is wrapped in single quotes, each ' written as '\'' (the only character single quotes
// cannot hold). Inside single quotes the shell expands nothing: no $(...), `...`, ;, newline.
std::string shell_quote(std::string_view value);

// Each word quoted, joined by spaces.
std::string shell_words(const std::vector<std::string>& words);

}  // namespace logdx
