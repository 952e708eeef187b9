// Format detection on arbitrary text: paste cleaning (ANSI, markdown fences, box frames,
// prompts) of every line, then every parser scored on the cleaned lines. The winner must be
// a parser the registry knows (or plain text) and the scores must add up.

#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "logdx/parsers/format_detector.hpp"
#include "logdx/parsers/paste_cleaner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logdx::PasteCleaner cleaner;
  std::vector<std::string> lines;
  for (const std::string_view line : logdx::fuzz::split_lines(logdx::fuzz::as_text(data, size))) {
    const logdx::PasteCleaner::Result r = cleaner.clean(line);
    if (r.kind == logdx::PasteCleaner::Kind::text && !r.text.empty()) lines.emplace_back(r.text);
  }
  logdx::ParserOptions options;
  options.default_year = 2026;
  const logdx::Detection d = logdx::FormatDetector(logdx::fuzz::builtin_registry()).detect(lines, options);
  if (d.winner != "plain" && logdx::fuzz::builtin_registry().find(d.winner) == nullptr) {
    logdx::fuzz::fail("the winner is no known parser");
  }
  for (const auto& s : d.scores) {
    if (s.claimed() > s.sampled || s.sampled > lines.size()) logdx::fuzz::fail("scores add up");
  }
  return 0;
}
