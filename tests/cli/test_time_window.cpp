// --since / --until: parsing bounds against a fixed clock, and which events a window keeps.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "time_window.hpp"

using namespace logdx;
using namespace logdx::cli;

namespace {

constexpr std::int64_t kNanos = 1'000'000'000;
// 2026-11-25T12:00:00Z, in a zone two hours ahead of UTC.
const WallClock kClock{1'795'608'000 * kNanos, 2 * 3600};

Event at(const std::string& iso) {
  Event e;
  if (!iso.empty()) e.time = *parse_iso8601(iso);
  return e;
}

}  // namespace

TEST_CASE("relative bounds count back from the injected now", "[time-window]") {
  CHECK(format_timestamp(Timestamp{TimeKind::utc, TimePrecision::seconds,
                                   parse_time_bound("--since", "2h", kClock).utc_nanos}) ==
        "2026-11-25T10:00:00Z");
  CHECK(parse_time_bound("--since", "30m", kClock).utc_nanos ==
        kClock.now_utc_nanos - 1800 * kNanos);
  CHECK(parse_time_bound("--since", "7d", kClock).utc_nanos ==
        kClock.now_utc_nanos - 7 * 86400 * kNanos);
  CHECK(parse_time_bound("--since", "90s", kClock).utc_nanos == kClock.now_utc_nanos - 90 * kNanos);
  // The same instant on the machine's wall clock, for logs that write local times.
  const TimeBound two_hours = parse_time_bound("--since", "2h", kClock);
  CHECK(two_hours.local_nanos - two_hours.utc_nanos == 2 * 3600 * kNanos);
}

TEST_CASE("absolute bounds: with a zone, without one, a date alone, minutes only",
          "[time-window]") {
  const TimeBound utc = parse_time_bound("--since", "2026-11-24T10:00:00Z", kClock);
  CHECK(utc.utc_nanos == parse_iso8601("2026-11-24T10:00:00Z")->nanos);
  // No zone: a wall-clock time on this machine (two hours ahead), so UTC is two hours earlier.
  const TimeBound local = parse_time_bound("--until", "2026-11-24 10:00", kClock);
  CHECK(local.local_nanos == parse_iso8601("2026-11-24T10:00:00Z")->nanos);
  CHECK(local.utc_nanos == parse_iso8601("2026-11-24T08:00:00Z")->nanos);
  CHECK(parse_time_bound("--since", "2026-11-24", kClock).local_nanos ==
        parse_iso8601("2026-11-24T00:00:00Z")->nanos);
}

TEST_CASE("journalctl's forms: today and 18:41 on the machine's clock, spans as instants",
          "[time-window]") {
  // Now is 14:00 on the machine's clock (two hours ahead of 12:00Z).
  const TimeBound today = parse_time_bound("--since", "today", kClock);
  CHECK(today.local_nanos == parse_iso8601("2026-11-25T00:00:00Z")->nanos);
  CHECK(today.utc_nanos == parse_iso8601("2026-11-24T22:00:00Z")->nanos);
  const TimeBound at = parse_time_bound("--until", "18:41", kClock);
  CHECK(at.utc_nanos == parse_iso8601("2026-11-25T16:41:00Z")->nanos);
  CHECK(parse_time_bound("--since", "yesterday", kClock).local_nanos ==
        parse_iso8601("2026-11-24T00:00:00Z")->nanos);
  CHECK(parse_time_bound("--since", "1 hour ago", kClock).utc_nanos ==
        kClock.now_utc_nanos - 3600 * kNanos);
  CHECK(parse_time_bound("--since", "-1h30m", kClock).utc_nanos ==
        kClock.now_utc_nanos - 5400 * kNanos);
  CHECK(parse_time_bound("--until", "now", kClock).utc_nanos == kClock.now_utc_nanos);
}

TEST_CASE("a bound that is not a time is a usage error naming the option", "[time-window]") {
  CHECK_THROWS_WITH(parse_time_bound("--since", "last tuesday", kClock),
                    Catch::Contains("--since: 'last tuesday' is not a time"));
  CHECK_THROWS_AS(parse_time_bound("--until", "2h30", kClock), std::invalid_argument);
  CHECK_THROWS_AS(parse_time_bound("--until", "h", kClock), std::invalid_argument);
  CHECK_THROWS_AS(parse_time_bound("--until", "", kClock), std::invalid_argument);
}

TEST_CASE("the window keeps events inside, drops the rest and counts them", "[time-window]") {
  TimeWindow window(parse_time_bound("--since", "2026-11-25T10:00:00Z", kClock),
                    parse_time_bound("--until", "2026-11-25T11:00:00Z", kClock));
  CHECK_FALSE(window.keep(at("2026-11-25T09:59:59Z"), 0));
  CHECK(window.keep(at("2026-11-25T10:00:00Z"), 0));
  CHECK(window.keep(at("2026-11-25T11:00:00Z"), 0));
  CHECK_FALSE(window.keep(at("2026-11-25T11:00:01Z"), 0));
  CHECK(window.dropped() == 2);
}

TEST_CASE("an untimed event goes with the last time of its own input", "[time-window]") {
  TimeWindow window(parse_time_bound("--since", "2026-11-25T10:00:00Z", kClock), std::nullopt);
  CHECK(window.keep(at(""), 0));  // nothing to judge it by yet: kept
  CHECK_FALSE(window.keep(at("2026-11-25T09:00:00Z"), 0));
  CHECK_FALSE(window.keep(at(""), 0));  // a stack line of the dropped record
  CHECK(window.keep(at("2026-11-25T10:30:00Z"), 1));
  CHECK_FALSE(window.keep(at(""), 0));  // input 1's time does not carry over to input 0
  CHECK(window.keep(at(""), 1));
}

TEST_CASE("local and monotonic times against the window", "[time-window]") {
  // --since 2h at 12:00Z is 10:00Z, which is 12:00 on this machine's wall clock.
  TimeWindow window(parse_time_bound("--since", "2h", kClock), std::nullopt);
  Event local = at("2026-11-25 11:30:00");  // a syslog stamp: wall clock, no zone
  REQUIRE(local.time.kind == TimeKind::local);
  CHECK_FALSE(window.keep(local, 0));
  CHECK(window.keep(at("2026-11-25 12:30:00"), 0));
  Event since_boot;
  since_boot.time = Timestamp{TimeKind::monotonic, TimePrecision::micros, 5 * kNanos};
  CHECK(window.keep(since_boot, 2));  // cannot be placed on the calendar: kept
}

TEST_CASE("no bounds: every event is kept", "[time-window]") {
  TimeWindow window;
  CHECK_FALSE(window.active());
  CHECK(window.keep(at("1999-01-01T00:00:00Z"), 0));
  CHECK(window.dropped() == 0);
}
