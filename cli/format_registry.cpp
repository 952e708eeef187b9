#include "format_registry.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "terminal_text.hpp"

namespace logdx::cli {

ParserRegistry registry_with_formats(const std::vector<LineFormatPtr>& formats) {
  ParserRegistry registry = ParserRegistry::builtin();
  add_line_formats(registry, formats);
  return registry;
}

ParserRegistry registry_with_default_formats() {
  const RuleSources sources = RuleOptions{}.sources();
  const RuleLoadResult loaded =
      RuleLoader(RuleReaderOptions{.max_file_bytes = sources.max_file_bytes})
          .load_formats(sources.texts);
  for (const auto& d : loaded.diagnostics) {
    fmt::print(stderr, "{}\n", terminal_safe(d.render_text(), true));
  }
  return registry_with_formats(loaded.formats);
}

}  // namespace logdx::cli
