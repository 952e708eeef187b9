#include "builtin_rules.hpp"

namespace logdx {

std::vector<RuleText> builtin_rule_texts() {
  std::vector<RuleText> out;
  for (const BuiltinRuleFile& file : builtin_rule_files()) {
    out.push_back({std::string(file.name), std::string(file.text), file.encoded});
  }
  return out;
}

}  // namespace logdx
