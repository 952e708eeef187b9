#include "logdx/engine/fix_kind.hpp"

namespace logdx {

std::string_view to_string(FixKind kind) {
  switch (kind) {
    case FixKind::shell:
      return "shell";
    case FixKind::config:
      return "config";
    case FixKind::manual:
      return "manual";
  }
  return "shell";
}

}  // namespace logdx
