#pragma once
// A first, event-level pass over a rule file that refuses what yaml-cpp's node API would turn
// into unbounded work: aliases (a "billion laughs" document expands exponentially when walked)
// and more than one document; and repeated mapping keys, which yaml-cpp keeps silently. Syntax
// errors surface here too, with yaml-cpp's mark.

#include <string>

#include "rules/yaml_context.hpp"

namespace logdx::rules {

// True when the text may be loaded with YAML::Load; otherwise reports yaml-syntax.
bool guard_yaml(const std::string& text, YamlContext& context);

}  // namespace logdx::rules
