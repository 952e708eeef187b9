#pragma once
// One RuleRegex per distinct built-in pattern text in a rule set. The pack writes the same
// pattern in several rules (a trigger and the context rule that reads the same line, a macro's
// whole alternation), and each copy compiled on its own: a one-line EADDRINUSE input compiled
// 52 rule patterns, half of them a second or third time. The pool also keeps the expansion
// and the group names, which are the same for every copy. Only patterns the build checked
// are pooled (rule_regex.hpp): a user's pattern is compiled at load to report its errors where
// it is written. Lives for one RuleCompiler::compile; the RuleRegex objects outlive it.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "logdx/engine/rule_regex.hpp"
#include "logdx/engine/shared_text.hpp"

namespace logdx::rules {

class RegexPool {
 public:
  struct Entry {
    SharedText expanded;
    std::shared_ptr<const RuleRegex> re;
    std::vector<std::string> groups;  // named groups, in written order
  };

  // The entry of a pattern written exactly so, or null.
  const Entry* find(std::string_view written) const {
    const auto found = by_written_.find(written);
    return found == by_written_.end() ? nullptr : &found->second;
  }
  // `written` must outlive the pool (it is the rule file's text, which the compile holds).
  const Entry& add(std::string_view written, Entry entry) {
    return by_written_.insert_or_assign(written, std::move(entry)).first->second;
  }

 private:
  std::unordered_map<std::string_view, Entry> by_written_;
};

}  // namespace logdx::rules
