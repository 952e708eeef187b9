#pragma once
// Picks the envelope parser for an input: every parser reads the input's first lines and is
// scored by the share of lines it claims; the best wins, ties going to the more specific
// grammar. The plain-text parser is the fallback, never a candidate. The result keeps every
// score and a sentence saying why the winner won, for `logdx detect`.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

struct ParserScore {
  std::string_view parser;
  std::size_t records = 0;
  std::size_t continuations = 0;
  std::size_t skipped = 0;
  std::size_t sampled = 0;  // lines offered
  int specificity = 0;

  std::size_t claimed() const { return records + continuations + skipped; }
  double share() const { return sampled == 0 ? 0.0 : static_cast<double>(claimed()) / sampled; }
};

struct Detection {
  std::string_view winner;           // the parser chosen ("plain" when nothing fits)
  std::vector<ParserScore> scores;   // every candidate, best first
  std::size_t sampled_lines = 0;
  std::string reason;
};

class FormatDetector {
 public:
  // Below this share of claimed lines a format is not trusted and plain text wins.
  static constexpr double kMinShare = 0.25;

  explicit FormatDetector(const ParserRegistry& registry) : registry_(registry) {}

  // Scores every parser on `lines` (cleaned, blank lines removed by the caller).
  Detection detect(std::span<const std::string> lines, const ParserOptions& options) const;

 private:
  ParserScore score(const ParserRegistry::Entry& entry, std::span<const std::string> lines,
                    const ParserOptions& options) const;

  const ParserRegistry& registry_;
};

}  // namespace logdx
