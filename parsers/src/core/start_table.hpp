#pragma once
// Which of a list of reset parsers may take a line, from its first byte (StartBytes): the
// peelers offer every message and every prefix boundary of plain text to every peelable or
// specific parser, and a prose line's first letter rules out nearly all of them. The lists keep
// the parsers' order (most specific first), so the first claim is the same as without them.

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class StartTable {
 public:
  explicit StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers);

  // Indexes into the parsers (ascending) whose gate may pass `line` in the reset state.
  const std::vector<std::uint16_t>& candidates(std::string_view line) const;

 private:
  std::array<std::vector<std::uint16_t>, 256> by_first_;        // line holds no '{'
  std::array<std::vector<std::uint16_t>, 256> by_first_brace_;  // line holds a '{'
  std::vector<std::uint16_t> all_;                              // an empty line
  bool any_brace_ = false;
};

}  // namespace logdx
