// The read summary's time span: inputs read by several workers arrive in no fixed order, so a
// tie between two inputs' first or last times must not depend on which arrived first.
#include <catch2/catch.hpp>

#include "analysis_report.hpp"

using namespace logdx;
using namespace logdx::cli;

namespace {

Timestamp local_at(std::int64_t seconds) {
  Timestamp time;
  time.kind = TimeKind::local;
  time.nanos = seconds * 1'000'000'000;
  return time;
}

ReadStats span_of(const std::vector<std::pair<std::int64_t, std::string>>& seen) {
  TimeSpan span;
  for (const auto& [seconds, text] : seen) span.observe(local_at(seconds), text);
  ReadStats stats;
  span.fill(stats);
  return stats;
}

}  // namespace

TEST_CASE("time span: first and last times keep the text as written", "[cli]") {
  const ReadStats stats = span_of(
      {{100, "Mar 05 08:20:00"}, {90, "2026/03/05 08:19:50"}, {120, "2026-03-05T08:20:20"}});
  CHECK(stats.first_text == "2026/03/05 08:19:50");
  CHECK(stats.last_text == "2026-03-05T08:20:20");
}

TEST_CASE("time span: a tie between inputs gives the same text in either order", "[cli]") {
  const std::vector<std::pair<std::int64_t, std::string>> nginx_first = {
      {100, "2026/03/05 08:20:00"},
      {100, "2026-03-05T08:20:00"},
      {102, "2026/03/05 08:20:02"},
      {102, "2026-03-05T08:20:02"}};
  const std::vector<std::pair<std::int64_t, std::string>> pm2_first = {
      {100, "2026-03-05T08:20:00"},
      {100, "2026/03/05 08:20:00"},
      {102, "2026-03-05T08:20:02"},
      {102, "2026/03/05 08:20:02"}};
  const ReadStats a = span_of(nginx_first);
  const ReadStats b = span_of(pm2_first);
  CHECK(a.first_text == b.first_text);
  CHECK(a.last_text == b.last_text);
}
