#include "cache_folder.hpp"

#include <cstdlib>

namespace logdx::cli {

std::string prefilter_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/logdx";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home == '/') return std::string(home) + "/.cache/logdx";
  return {};
}

}  // namespace logdx::cli
