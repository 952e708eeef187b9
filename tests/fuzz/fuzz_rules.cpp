// The rule loader (reader -> collector -> compiler) on arbitrary YAML: whatever the text, it
// returns diagnostics or a RuleSet, never both missing, and every diagnostic renders.

#include "fuzz_input.hpp"
#include "logdx/engine/rule_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A small RE2 budget keeps each run fast; the limit itself is tested elsewhere.
  static const logdx::RuleLoader kLoader(
      logdx::RuleReaderOptions{},
      logdx::RuleCompilerOptions{.pattern_max_mem = 1 << 20, .set_max_mem = 16 << 20});
  const logdx::RuleLoadResult result =
      kLoader.load_texts({{"fuzz.yaml", std::string(logdx::fuzz::as_text(data, size))}});
  if (!result.ok() && !logdx::has_errors(result.diagnostics)) {
    logdx::fuzz::fail("no rule set, yet no error says why");
  }
  for (const auto& d : result.diagnostics) {
    if (d.render_text().empty()) logdx::fuzz::fail("a diagnostic renders as nothing");
  }
  return 0;
}
