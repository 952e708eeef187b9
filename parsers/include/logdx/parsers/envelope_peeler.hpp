#pragma once
// Peels nested envelopes: an event's message may itself be another format's line (a journal
// line carrying a docker compose line carrying Caddy JSON; a PM2 line carrying an openclaw
// console line). Each peel keeps the innermost time, level, subsystem and message and the
// outer context (host, unit, app) unless the inner envelope names its own.

#include <memory>
#include <vector>

#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

class StartTable;

class EnvelopePeeler {
 public:
  static constexpr int kMaxDepth = 4;

  EnvelopePeeler(const ParserRegistry& registry, const ParserOptions& options);
  ~EnvelopePeeler();
  EnvelopePeeler(EnvelopePeeler&&) noexcept;
  EnvelopePeeler& operator=(EnvelopePeeler&&) noexcept;

  // Peels `event` in place as far as peelable formats reach; appends each peeled format's name
  // to event.envelopes and sets event.parser to the innermost. Returns how many were peeled.
  int peel(Event& event);

 private:
  static void merge_inner(Event& outer, Event&& inner);

  std::vector<std::unique_ptr<EnvelopeParser>> parsers_;  // peelable ones, most specific first
  std::vector<bool> offered_;           // parsers_[i] was offered a line since its last reset
  std::unique_ptr<StartTable> starts_;  // which of parsers_ a message's first byte admits
  Event scratch_;                       // reused for every attempt: most messages are not envelopes
};

}  // namespace logdx
