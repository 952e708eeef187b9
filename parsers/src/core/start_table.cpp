#include "core/start_table.hpp"

namespace logdx {

StartTable::StartTable(const std::vector<std::unique_ptr<EnvelopeParser>>& parsers) {
  std::vector<StartBytes> starts;
  starts.reserve(parsers.size());
  all_.reserve(parsers.size());
  std::size_t markers = 0;
  for (std::size_t i = 0; i < parsers.size(); ++i) {
    starts.push_back(parsers[i]->start_bytes());
    all_.push_back(Entry{static_cast<std::uint16_t>(i), 0});
    for (std::size_t b = 0; b < 256; ++b) {
      if (!starts.back().held.test(b) || marker_bit_[b] != 0 || markers == kMaxMarkers) continue;
      marker_bit_[b] = std::uint32_t{1} << markers++;
      markers_.push_back(static_cast<char>(b));
      all_markers_ |= marker_bit_[b];
    }
  }
  // Each parser's held bits, or "every first byte" when one of its held bytes got no bit.
  std::vector<std::uint32_t> held(starts.size(), 0);
  std::vector<char> every_byte(starts.size(), 0);
  for (std::size_t i = 0; i < starts.size(); ++i) {
    for (std::size_t b = 0; b < 256; ++b) {
      if (!starts[i].held.test(b)) continue;
      if (marker_bit_[b] == 0) every_byte[i] = 1;
      held[i] |= marker_bit_[b];
    }
  }
  // Two passes over (byte, parser): count each byte's list, then write it in place, so the
  // table is two allocations whatever the number of parsers.
  const auto entry = [&](std::size_t i, std::size_t b, Entry& out) {
    out.index = static_cast<std::uint16_t>(i);
    out.held = 0;
    if (starts[i].first.test(b) || every_byte[i] != 0) return true;
    out.held = held[i];
    return held[i] != 0;
  };
  Entry scratch{};
  for (std::size_t b = 0; b < 256; ++b) {
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) count += entry(i, b, scratch) ? 1 : 0;
    offsets_[b + 1] = offsets_[b] + count;
  }
  entries_.resize(offsets_[256]);
  for (std::size_t b = 0; b < 256; ++b) {
    std::uint32_t at = offsets_[b];
    for (std::size_t i = 0; i < starts.size(); ++i) {
      if (!entry(i, b, scratch)) continue;
      wanted_[b] |= scratch.held;
      entries_[at++] = scratch;
    }
  }
}

std::uint32_t StartTable::holds(std::string_view line, std::uint32_t wanted) const {
  std::uint32_t found = 0;
  if (line.size() <= kShortLine) {
    for (const char c : line) found |= marker_bit_[static_cast<unsigned char>(c)];
    return found & wanted;
  }
  for (std::size_t bit = 0; bit < markers_.size(); ++bit) {
    const std::uint32_t mask = std::uint32_t{1} << bit;
    if ((wanted & mask) != 0 && line.find(markers_[bit]) != std::string_view::npos) found |= mask;
  }
  return found;
}

std::span<const StartTable::Entry> StartTable::listed(unsigned char first) const {
  return std::span<const Entry>(entries_).subspan(offsets_[first],
                                                  offsets_[first + 1] - offsets_[first]);
}

StartTable::Candidates StartTable::candidates(std::string_view line) const {
  if (line.empty()) return Candidates(all_, 0);
  const auto first = static_cast<unsigned char>(line.front());
  // Only a list with conditional entries needs the line read, and only for their bytes.
  return Candidates(listed(first), wanted_[first] != 0 ? holds(line, wanted_[first]) : 0);
}

StartTable::Candidates StartTable::candidates(std::string_view line, std::uint32_t holds) const {
  if (line.empty()) return Candidates(all_, 0);
  return Candidates(listed(static_cast<unsigned char>(line.front())), holds);
}

}  // namespace logdx
