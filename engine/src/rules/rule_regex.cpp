#include "logdx/engine/rule_regex.hpp"

#include <stdexcept>

#include "logdx/engine/rule_compiler.hpp"

namespace logdx {

RuleRegex::RuleRegex(SharedText pattern, std::int64_t max_mem)
    : pattern_(std::move(pattern)), max_mem_(max_mem) {}

RuleRegex::RuleRegex(std::unique_ptr<const RE2> compiled) : re_(std::move(compiled)) {
  std::call_once(once_, [] {});  // nothing left to do on first use
}

const RE2& RuleRegex::get() const {
  std::call_once(once_, [this] {
    auto re = std::make_unique<const RE2>(re2::StringPiece(pattern_.view().data(), pattern_.size()),
                                          rule_regex_options(max_mem_));
    // Only patterns the build compiled are deferred, so this is a broken build or memory.
    if (!re->ok()) throw std::runtime_error("rule pattern does not compile: " + re->error());
    re_ = std::move(re);
  });
  return *re_;
}

bool RuleRegex::compiled() const { return re_ != nullptr; }

}  // namespace logdx
