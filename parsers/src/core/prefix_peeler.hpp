#pragma once
// Generic prefix peeling: a line that no parser claims may still be a known record behind a
// prefix logdx has no grammar for (a wrapper's `[time] [level] [tag] `, a process manager's
// `web.1 | `, a deploy tool's `[host] `, grep's `file:` and `line:`). The rest of the line
// after a few token boundaries is offered to the known parsers, most specific first; the first
// that claims it wins and the prefix stays as outer context (a time, a host, a unit) and in the
// `prefix` field.

#include <memory>
#include <string_view>
#include <vector>

#include "core/start_table.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

class PrefixPeeler {
 public:
  // Bounds the work per line: boundaries tried, and how far into the line they may be.
  static constexpr int kMaxBoundaries = 5;
  static constexpr std::size_t kMaxPrefix = 120;

  PrefixPeeler(const ParserRegistry& registry, const ParserOptions& options);

  // Fills `event` (reset) from the first parser that claims the rest of `line` after a
  // boundary, with the prefix's context merged in; returns that parser, or null (then
  // `event` is unspecified).
  const EnvelopeParser* peel(std::string_view line, Event& event);

 private:
  // `holds`: starts_.holds() of the line `rest` ends.
  EnvelopeParser* claim(std::string_view rest, std::uint32_t holds, Event& event);

  std::vector<std::unique_ptr<EnvelopeParser>> parsers_;  // all but plain, most specific first
  StartTable starts_;  // which of parsers_ a rest's first byte admits
  int default_year_;
};

// Reads a prefix as outer context: a time ("20:50:48", "[2026-03-23 14:57:05.967]"), a host
// ("[128.199.150.165]") or a service name ("web.1 |", "migration_1  |"). Exposed for tests.
void apply_prefix(std::string_view prefix, int default_year, Event& event);

}  // namespace logdx
