#include "core/start_table.hpp"

namespace logdx {

std::span<const std::uint16_t> StartTable::ByFirstByte::of(unsigned char byte) const {
  return std::span<const std::uint16_t>(indexes).subspan(offsets[byte],
                                                          offsets[byte + 1] - offsets[byte]);
}

template <typename Admits>
void StartTable::fill(ByFirstByte& table, std::size_t parser_count, Admits admits) {
  // Two passes over (byte, parser): count each byte's list, then write it in place, so the
  // table is two allocations whatever the number of parsers.
  std::array<std::uint32_t, 256> count{};
  for (std::size_t b = 0; b < 256; ++b) {
    for (std::size_t i = 0; i < parser_count; ++i) count[b] += admits(i, b) ? 1 : 0;
  }
  for (std::size_t b = 0; b < 256; ++b) table.offsets[b + 1] = table.offsets[b] + count[b];
  table.indexes.resize(table.offsets[256]);
  for (std::size_t b = 0; b < 256; ++b) {
    std::uint32_t at = table.offsets[b];
    for (std::size_t i = 0; i < parser_count; ++i) {
      if (admits(i, b)) table.indexes[at++] = static_cast<std::uint16_t>(i);
    }
  }
}

StartTable::StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers) {
  std::vector<StartBytes> starts;
  starts.reserve(parsers.size());
  all_.reserve(parsers.size());
  for (std::size_t i = 0; i < parsers.size(); ++i) {
    starts.push_back(parsers[i]->start_bytes());
    all_.push_back(static_cast<std::uint16_t>(i));
    any_brace_ = any_brace_ || starts.back().brace;
  }
  fill(by_first_, starts.size(),
       [&](std::size_t i, std::size_t b) { return starts[i].first.test(b); });
  fill(by_first_brace_, starts.size(),
       [&](std::size_t i, std::size_t b) { return starts[i].first.test(b) || starts[i].brace; });
}

std::span<const std::uint16_t> StartTable::candidates(std::string_view line) const {
  if (line.empty()) return all_;
  const auto first = static_cast<unsigned char>(line.front());
  if (any_brace_ && line.find('{') != std::string_view::npos) return by_first_brace_.of(first);
  return by_first_.of(first);
}

}  // namespace logdx
