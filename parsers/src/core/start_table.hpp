#pragma once
// Which of a list of reset parsers may take a line, from its first byte (StartBytes): the
// peelers offer every message and every prefix boundary of plain text to every peelable or
// specific parser, and a prose line's first letter rules out nearly all of them. The lists keep
// the parsers' order (most specific first), so the first claim is the same as without them.

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class StartTable {
 public:
  explicit StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers);

  // Indexes into the parsers (ascending) whose gate may pass `line` in the reset state.
  std::span<const std::uint16_t> candidates(std::string_view line) const;

 private:
  // 256 lists, one per first byte, kept as one array cut at offsets: a table is built for
  // every input, and 256 growing vectors cost thousands of allocations at each start-up
  // (most of a one-line run's allocations; each is dear under the sanitizers).
  struct ByFirstByte {
    std::vector<std::uint16_t> indexes;   // byte b's list is [offsets[b], offsets[b + 1])
    std::array<std::uint32_t, 257> offsets{};
    std::span<const std::uint16_t> of(unsigned char byte) const;
  };
  // Fills `table` with, for each byte, the parsers whose starts admit it.
  template <typename Admits>
  static void fill(ByFirstByte& table, std::size_t parser_count, Admits admits);

  ByFirstByte by_first_;        // line holds no '{'
  ByFirstByte by_first_brace_;  // line holds a '{'
  std::vector<std::uint16_t> all_;  // an empty line
  bool any_brace_ = false;
};

}  // namespace logdx
