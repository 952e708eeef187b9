#include "logdx/parsers/parser_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace logdx {

ParserRegistry ParserRegistry::builtin() {
  ParserRegistry registry;
  register_openclaw_parsers(registry);
  register_pm2_parsers(registry);
  register_journal_parsers(registry);
  register_kernel_parsers(registry);
  register_docker_parsers(registry);
  register_proxy_parsers(registry);
  register_shipper_parsers(registry);
  register_plain_parsers(registry);
  registry.sort_by_specificity();
  return registry;
}

void ParserRegistry::sort_by_specificity() {
  // Most specific first, so that ties in detection and the per-line fallback prefer the
  // grammar that says more about a line; stable so that registration order breaks ties.
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.info.specificity > b.info.specificity;
  });
}

void ParserRegistry::add(const ParserInfo& info, ParserFactory factory) {
  if (find(info.name) != nullptr) {
    throw std::logic_error(fmt::format("parser '{}' registered twice", info.name));
  }
  entries_.push_back(Entry{info, factory});
}

const ParserRegistry::Entry* ParserRegistry::find(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.info.name == name) return &entry;
  }
  return nullptr;
}

std::unique_ptr<EnvelopeParser> ParserRegistry::create(std::string_view name,
                                                       const ParserOptions& options) const {
  const Entry* entry = find(name);
  if (entry == nullptr) return nullptr;
  return entry->factory(options);
}

std::vector<std::string_view> ParserRegistry::names() const {
  std::vector<std::string_view> out;
  out.reserve(entries_.size());
  for (const auto& entry : entries_) out.push_back(entry.info.name);
  return out;
}

}  // namespace logdx
