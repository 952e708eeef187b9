// The kept lines' raw text store (analysis/raw_store.hpp): every text reads back as added,
// across blocks, after another store's blocks were appended, and when longer than a block;
// and kept failure lines (which repeat but for stamps, pids and ids) take a fraction of their
// size, which is what keeps a log full of failures in bounded memory.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analysis/raw_store.hpp"

using logdx::analysis::RawRef;
using logdx::analysis::RawStore;

namespace {

// A journal line of a crash-looping unit, as a 10 %-failing log keeps tens of thousands.
std::string failure_line(int i) {
  return fmt::format(
      "2026-11-20T10:{:02}:{:02}.{:06}+0000 vm node[{}]: Error: connect ECONNREFUSED "
      "127.0.0.1:{} at TCPConnectWrap.afterConnect [as oncomplete] (node:net:{}:16) id={:08x}",
      (i / 60) % 60, i % 60, (i * 7919) % 1000000, 1000 + i % 5000, 18000 + i % 900, 1400 + i % 200,
      static_cast<unsigned>(i) * 2654435761U);
}

}  // namespace

TEST_CASE("kept texts read back as added, across blocks and appended stores") {
  RawStore store;
  std::vector<std::pair<RawRef, std::string>> added;
  for (int i = 0; i < 3000; ++i) added.emplace_back(store.add(failure_line(i)), failure_line(i));
  const std::string huge(200 * 1024, 'x');  // longer than a block: a block of its own
  added.emplace_back(store.add(huge), huge);
  added.emplace_back(store.add(""), "");
  RawStore part;
  std::vector<std::pair<RawRef, std::string>> from_part;
  for (int i = 0; i < 2000; ++i)
    from_part.emplace_back(part.add(failure_line(-i)), failure_line(-i));
  const std::uint32_t offset = store.append(std::move(part));
  for (auto& [ref, text] : from_part) {
    ref.block += offset;
    added.emplace_back(ref, text);
  }
  added.emplace_back(store.add("after the append"), "after the append");
  // Read in an order that jumps between blocks, as time order across inputs does.
  for (std::size_t k = 0; k < added.size(); ++k) {
    const auto& [ref, text] = added[(k * 7919) % added.size()];
    REQUIRE(store.text(ref) == text);
  }
}

TEST_CASE("kept failure lines take a fraction of their size") {
  RawStore store;
  std::size_t plain = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string line = failure_line(i);
    plain += line.size();
    store.add(line);
  }
  INFO(store.bytes() << " bytes for " << plain);
  CHECK(store.bytes() * 3 < plain);
}
