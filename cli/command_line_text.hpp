#pragma once
// The command line the history keeps and shows for a run: what the user would type, so the
// program is named `logdx` (its file name), never the absolute path the shell resolved it to
// (`/usr/bin/logdx`, `/home/ann/src/logdx/build/logdx`), which says nothing about the run and
// differs between machines.

#include <string>
#include <string_view>
#include <vector>

namespace logdx::cli {

// `argv` shell-quoted with argv[0] cut to its file name.
std::string recorded_command_line(const std::vector<std::string>& argv);

// A stored command line with its first word cut to its file name (runs recorded before the
// history kept only the name still carry the path).
std::string shown_command_line(std::string_view stored);

}  // namespace logdx::cli
