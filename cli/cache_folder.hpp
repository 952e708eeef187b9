#pragma once
// Where logdx keeps what it can rebuild: compiled prefilter databases of user rules (the
// built-in pack's is in the binary). One function, apart from the analyze wiring, so that the
// analyze fuzz target finds the same cache as `logdx analyze`.

#include <string>

namespace logdx::cli {

// $XDG_CACHE_HOME/logdx, else ~/.cache/logdx; empty (no cache) when neither is known.
std::string prefilter_cache_dir();

}  // namespace logdx::cli
