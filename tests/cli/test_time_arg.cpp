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

TEST_CASE("journalctl's forms: now, -1h, +1h, \"1 hour ago\", compound spans", "[time_arg]") {
  CHECK(parsed("now") == "2026-11-24T10:00:03Z");
  CHECK(parsed("-1h") == "2026-11-24T09:00:03Z");
  CHECK(parsed("+1h") == "2026-11-24T11:00:03Z");
  CHECK(parsed("1 hour ago") == "2026-11-24T09:00:03Z");
  CHECK(parsed("2 days ago") == "2026-11-22T10:00:03Z");
  CHECK(parsed("1h30m") == "2026-11-24T08:30:03Z");
  CHECK(parsed("1h 30min") == "2026-11-24T08:30:03Z");
  CHECK(parsed("-1h30m") == "2026-11-24T08:30:03Z");
  CHECK(parsed("90sec") == "2026-11-24T09:58:33Z");
  CHECK(parsed("1 week") == "2026-11-17T10:00:03Z");
  CHECK(parsed("500ms") == "2026-11-24T10:00:02Z");
}

TEST_CASE("today, yesterday and a time of day are wall-clock times of the machine's day",
          "[time_arg]") {
  CHECK(parsed("today") == "2026-11-24T00:00:00Z");  // parse_time_arg: wall clock read as UTC
  CHECK(parsed("yesterday") == "2026-11-23T00:00:00Z");
  CHECK(parsed("tomorrow") == "2026-11-25T00:00:00Z");
  CHECK(parsed("18:41") == "2026-11-24T18:41:00Z");
  CHECK(parsed("18:41:13") == "2026-11-24T18:41:13Z");
  std::string error;
  const std::int64_t now = 1795514403LL * 1'000'000'000;
  // 10:00 UTC is 23:00 in a zone thirteen hours ahead: "today" there began at 11:00 UTC the
  // day before, and the wall clock says 2026-11-24T00:00 for it.
  const auto today = read_time_arg("today", now, 13 * 3600, error);
  REQUIRE(today);
  CHECK(today->wall_clock);
  CHECK(rfc3339_utc(today->nanos) == "2026-11-24T00:00:00Z");
  const auto behind = read_time_arg("today", now, -11 * 3600, error);  // 23:00 the day before
  REQUIRE(behind);
  CHECK(rfc3339_utc(behind->nanos) == "2026-11-23T00:00:00Z");
  const auto span = read_time_arg("1h", now, 13 * 3600, error);
  REQUIRE(span);
  CHECK_FALSE(span->wall_clock);  // an instant: no zone to apply
  const auto zoned = read_time_arg("2026-11-24T10:00:00Z", now, 13 * 3600, error);
  REQUIRE(zoned);
  CHECK_FALSE(zoned->wall_clock);
  const auto plain = read_time_arg("2026-11-24 10:00", now, 13 * 3600, error);
  REQUIRE(plain);
  CHECK(plain->wall_clock);
}

TEST_CASE("anything else is an error that shows the accepted forms", "[time_arg]") {
  for (const char* bad :
       {"", "h", "2x", "2.5h", "2h30", "ago", "1 hour  ago later", "-", "+", "24:00", "18:4",
        "18:61", "yesterdays", "2026-13-45", "99999999999999999999d", "1000000y",
        "2026-11-24T10:00:00Zjunk", "1 hours ago ago"}) {
    INFO(bad);
    CHECK_THAT(parsed(bad), Catch::StartsWith("error:") && Catch::Contains("7d") &&
                                Catch::Contains("yesterday"));
  }
}
