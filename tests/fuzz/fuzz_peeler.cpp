// The nested-envelope peeler on an arbitrary message (a docker compose line in a journal
// line carrying Caddy JSON...): it must stop within kMaxDepth and name each peeled format.

#include "fuzz_input.hpp"
#include "logdx/parsers/envelope_peeler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logdx::ParserOptions options;
  options.default_year = 2026;
  static logdx::EnvelopePeeler peeler(logdx::fuzz::builtin_registry(), options);
  logdx::Event event;
  event.message = logdx::fuzz::as_text(data, size);
  event.raw = event.message;
  event.parser = "journal-short-iso";
  event.envelopes = {"journal-short-iso"};
  const int peeled = peeler.peel(event);
  if (peeled < 0 || peeled > logdx::EnvelopePeeler::kMaxDepth) logdx::fuzz::fail("peel depth");
  if (event.envelopes.size() != static_cast<std::size_t>(peeled) + 1) {
    logdx::fuzz::fail("one envelope name per peel");
  }
  return 0;
}
