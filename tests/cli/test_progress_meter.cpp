// The progress line: share, sizes, rate and ETA; unknown totals show bytes and rate only.

#include <catch2/catch.hpp>

#include "progress_meter.hpp"

using logdx::cli::ProgressFrame;
using logdx::cli::render_progress;

TEST_CASE("the progress line shows share, sizes, rate and time left", "[progress]") {
  const std::uint64_t mb = 1024 * 1024;
  CHECK(render_progress({120 * mb, 240 * mb, 2.0}, 100) ==
        "[###############...............]   50%  120 MB of 240 MB  60 MB/s  ETA 2 s");
  CHECK(render_progress({0, 240 * mb, 0.0}, 100) ==
        "[..............................]    0%  0 MB of 240 MB  0 MB/s");
  CHECK(render_progress({250 * mb, 240 * mb, 5.0}, 100).find(" 100%") != std::string::npos);
  CHECK(render_progress({30 * mb, 0, 3.0}, 100) == "30 MB read, 10 MB/s");
  CHECK(render_progress({30 * mb, 60 * mb, 3.0}, 50).starts_with("[#####.....]"));
}
