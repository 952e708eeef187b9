#include "builtin_rules.hpp"

namespace logdx {

std::vector<RuleText> builtin_rule_texts() {
  std::vector<RuleText> out;
  out.reserve(builtin_rule_files().size());
  for (const BuiltinRuleFile& file : builtin_rule_files()) {
    out.push_back({std::string(file.name), SharedText::of_static(file.text), file.encoded});
  }
  return out;
}

}  // namespace logdx
