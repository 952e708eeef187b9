// --since / --older-than arguments: ISO-8601 forms and spans back from a fixed "now".

#include <catch2/catch.hpp>

#include "time_arg.hpp"

using namespace logdx::cli;

namespace {

const SystemTime kNow = SystemTime(std::chrono::seconds(1795514403));  // 2026-11-24T10:00:03Z

std::string parsed(const std::string& text) {
  std::string error;
  const auto nanos = parse_time_arg(text, kNow, error);
  return nanos ? rfc3339_utc(*nanos) : "error: " + error;
}

}  // namespace

TEST_CASE("spans back from now: s, m, h, d, w", "[time_arg]") {
  CHECK(parsed("30s") == "2026-11-24T09:59:33Z");
  CHECK(parsed("30m") == "2026-11-24T09:30:03Z");
  CHECK(parsed("2h") == "2026-11-24T08:00:03Z");
  CHECK(parsed("7d") == "2026-11-17T10:00:03Z");
  CHECK(parsed("2w") == "2026-11-10T10:00:03Z");
  CHECK(parsed("0s") == "2026-11-24T10:00:03Z");
}

TEST_CASE("ISO-8601 dates and times, zones applied", "[time_arg]") {
  CHECK(parsed("2026-11-24") == "2026-11-24T00:00:00Z");
  CHECK(parsed("2026-11-24T10:00:00Z") == "2026-11-24T10:00:00Z");
  CHECK(parsed("2026-11-24T12:00:00+02:00") == "2026-11-24T10:00:00Z");
  CHECK(parsed("2026-11-24 10:00:00") == "2026-11-24T10:00:00Z");  // no zone: UTC
}

TEST_CASE("anything else is an error that shows the accepted forms", "[time_arg]") {
  for (const char* bad : {"", "h", "2x", "-2h", "2.5h", "yesterday", "2026-13-45",
                          "99999999999999999999d", "2026-11-24T10:00:00Zjunk"}) {
    INFO(bad);
    CHECK_THAT(parsed(bad), Catch::StartsWith("error:") && Catch::Contains("7d"));
  }
}
