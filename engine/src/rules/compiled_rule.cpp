#include "logdx/engine/compiled_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "logdx/engine/rule_compiler.hpp"

namespace logdx {

bool CompiledRule::applies_to(SourceKind kind) const {
  return sources.empty() || std::find(sources.begin(), sources.end(), kind) != sources.end();
}

struct PatternScan::Lazy {
  std::vector<SharedText> patterns;
  std::int64_t max_mem = 0;
  std::once_flag once;
  std::unique_ptr<RE2::Set> set;
  std::string error;
};

PatternScan::PatternScan(std::vector<SharedText> patterns, std::vector<PatternRef> refs,
                         std::int64_t max_mem)
    : refs_(std::move(refs)), lazy_(std::make_unique<Lazy>()) {
  lazy_->patterns = std::move(patterns);
  lazy_->max_mem = max_mem;
}

PatternScan::~PatternScan() = default;
PatternScan::PatternScan(PatternScan&&) noexcept = default;
PatternScan& PatternScan::operator=(PatternScan&&) noexcept = default;

std::string PatternScan::prepare() const {
  std::call_once(lazy_->once, [this] {
    Lazy& l = *lazy_;
    auto set = std::make_unique<RE2::Set>(rule_regex_options(l.max_mem), RE2::UNANCHORED);
    for (const SharedText& pattern : l.patterns) {
      if (set->Add(re2::StringPiece(pattern.view().data(), pattern.size()), &l.error) < 0) return;
    }
    if (!l.patterns.empty() && !set->Compile()) {
      l.error = fmt::format("the combined scan of all rules needs more than {} bytes", l.max_mem);
      return;
    }
    l.set = std::move(set);
  });
  return lazy_->error;
}

const RE2::Set& PatternScan::set() const {
  // Only a set of built-in patterns is left unprepared by the compiler, and the build checked
  // those, so a failure here is a broken build or a machine out of memory.
  if (std::string error = prepare(); !error.empty()) throw std::runtime_error(error);
  return *lazy_->set;
}

std::vector<PatternRef> PatternScan::scan(std::string_view text) const {
  std::vector<PatternRef> out;
  if (refs_.empty()) return out;
  std::vector<int> hits;
  if (!set().Match(re2::StringPiece(text.data(), text.size()), &hits)) return out;
  out.reserve(hits.size());
  for (int hit : hits) out.push_back(refs_[static_cast<std::size_t>(hit)]);
  return out;
}

const CompiledRule* RuleSet::find(std::string_view id) const {
  for (const CompiledRule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

std::vector<std::size_t> RuleSet::candidates(const Event& event) const {
  std::vector<std::size_t> out;
  for (const PatternRef& ref : message_scan_.scan(event.message)) out.push_back(ref.rule);
  if (!raw_scan_.empty()) {
    for (const PatternRef& ref : raw_scan_.scan(event.raw)) out.push_back(ref.rule);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace logdx
