#include "core/start_table.hpp"

namespace logdx {

StartTable::StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers) {
  for (std::size_t i = 0; i < parsers.size(); ++i) {
    const auto index = static_cast<std::uint16_t>(i);
    const StartBytes start = parsers[i]->start_bytes();
    all_.push_back(index);
    any_brace_ = any_brace_ || start.brace;
    for (std::size_t b = 0; b < 256; ++b) {
      if (start.first.test(b)) by_first_[b].push_back(index);
      if (start.first.test(b) || start.brace) by_first_brace_[b].push_back(index);
    }
  }
}

const std::vector<std::uint16_t>& StartTable::candidates(std::string_view line) const {
  if (line.empty()) return all_;
  const auto first = static_cast<unsigned char>(line.front());
  if (any_brace_ && line.find('{') != std::string_view::npos) return by_first_brace_[first];
  return by_first_[first];
}

}  // namespace logdx
