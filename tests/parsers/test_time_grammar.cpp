// Pins the shared timestamp grammars: every stamp shape the formats use, zones, precision,
// and refusal of near-misses (bad month, bad hour, too few digits).

#include <catch2/catch.hpp>

#include "grammar/time.hpp"

using namespace logdx;

namespace {

std::string iso_of(bool ok, const Timestamp& t) { return ok ? format_timestamp(t) : "<fail>"; }

}  // namespace

TEST_CASE("iso8601 parses RFC 3339 with offsets, Z, none, and keeps precision", "[time]") {
  Timestamp t;
  std::string_view text;
  std::string_view in = "2026-11-25T04:42:36.549+00:00 [gateway] x";
  REQUIRE(grammar::iso8601(in, t, text));
  CHECK(text == "2026-11-25T04:42:36.549+00:00");
  CHECK(in == " [gateway] x");
  CHECK(format_timestamp(t) == "2026-11-25T04:42:36.549Z");
  CHECK(t.precision == TimePrecision::millis);

  in = "2026-03-05T08:20:25+0100 host";
  REQUIRE(grammar::iso8601(in, t, text));
  CHECK(format_timestamp(t) == "2026-03-05T07:20:25Z");

  in = "2026-03-05T08:20:25.123456789Z";
  REQUIRE(grammar::iso8601(in, t, text));
  CHECK(t.precision == TimePrecision::nanos);
  CHECK(format_timestamp(t) == "2026-03-05T08:20:25.123456789Z");

  in = "2026-03-05 08:20:25 +00:00: hello";  // pm2 --log-date-format "YYYY-MM-DD HH:mm:ss Z"
  REQUIRE(grammar::iso8601(in, t, text));
  CHECK(t.kind == TimeKind::utc);
  CHECK(in == ": hello");

  in = "2026-03-05 08:20:25 hello";  // no zone: local wall time
  REQUIRE(grammar::iso8601(in, t, text));
  CHECK(t.kind == TimeKind::local);
  CHECK(in == " hello");
  CHECK(format_timestamp(t) == "2026-03-05T08:20:25");
}

TEST_CASE("iso8601 refuses near-misses and leaves the input alone", "[time]") {
  Timestamp t;
  std::string_view text;
  for (std::string_view bad : {"2026-13-05T08:20:25Z", "2026-03-05T25:20:25Z", "26-03-05T08:20:25",
                               "2026-03-05", "hello", ""}) {
    std::string_view in = bad;
    CHECK_FALSE(grammar::iso8601(in, t, text));
    CHECK(in == bad);
  }
}

TEST_CASE("BSD syslog stamps take the year given and are local", "[time]") {
  Timestamp t;
  std::string_view text;
  std::string_view in = "Mar  5 08:20:25 oc-gw-01 node[2301]: x";
  REQUIRE(grammar::bsd_syslog(in, 2026, t, text));
  CHECK(text == "Mar  5 08:20:25");
  CHECK(t.kind == TimeKind::local);
  CHECK(t.year_inferred);
  CHECK(format_timestamp(t) == "2026-03-05T08:20:25");
  in = "Feb 10 15:05:10.123456 host x";
  REQUIRE(grammar::bsd_syslog(in, 2026, t, text));
  CHECK(t.precision == TimePrecision::micros);
  in = "Foo 10 15:05:10 host";
  CHECK_FALSE(grammar::bsd_syslog(in, 2026, t, text));
}

TEST_CASE("the other stamp shapes", "[time]") {
  Timestamp t;
  std::string_view text;
  std::string_view in = "Thu Mar  5 08:20:25 2026] x";
  CHECK(iso_of(grammar::ctime(in, t, text), t) == "2026-03-05T08:20:25");
  in = "Tue 2026-02-10 15:05:10 UTC openclaw-gateway.service";
  CHECK(iso_of(grammar::weekday_iso(in, t, text), t) == "2026-02-10T15:05:10Z");
  CHECK(in == " openclaw-gateway.service");
  in = "2026/03/05 08:20:25 [error] 1234#1234:";
  CHECK(iso_of(grammar::slash_datetime(in, t, text), t) == "2026-03-05T08:20:25");
  in = "05/Mar/2026:08:20:25 +0000] \"GET";
  CHECK(iso_of(grammar::clf(in, t, text), t) == "2026-03-05T08:20:25Z");
  in = "2026-03-05-08:20:25 0|app";
  CHECK(iso_of(grammar::pm2_dash(in, t, text), t) == "2026-03-05T08:20:25");
  in = "[   12.345678] Linux";
  REQUIRE(grammar::bracket_monotonic(in, t, text));
  CHECK(t.kind == TimeKind::monotonic);
  CHECK(t.nanos == 12345678000);
  CHECK(in == " Linux");
  in = "1772697625.123456 host";
  CHECK(iso_of(grammar::unix_seconds(in, t, text), t) == "2026-03-05T08:00:25.123456Z");
  in = "42 is not a time";
  CHECK_FALSE(grammar::unix_seconds(in, t, text));
}

// Found by the fuzzers (tests/fuzz/regressions/*/ubsan-stamp-seconds-overflow): years 1013 and
// 9999, and 12-digit second counts, overflowed int64 nanoseconds. Outside 1970..2200 a stamp
// is no time, and the line is read without one.
TEST_CASE("stamps outside 1970..2200 are refused, not overflowed", "[time]") {
  Timestamp t;
  std::string_view text;
  for (std::string_view stamp : {"1013-11-25T05:04:13", "9999-12-31T23:59:59Z",
                                 "0000-01-01 00:00:00", "2200-01-01T00:00:01Z"}) {
    std::string_view in = stamp;
    CHECK_FALSE(grammar::iso8601(in, t, text));
  }
  std::string_view in = "Wed 9999-11-25 05:04:13 UTC";
  CHECK_FALSE(grammar::weekday_iso(in, t, text));
  in = "999999999999.5";
  CHECK_FALSE(grammar::unix_seconds(in, t, text));
  in = "[999999999999.000001] x";
  CHECK_FALSE(grammar::bracket_monotonic(in, t, text));
  in = "1970-01-01T00:00:00+01:00";  // a zone before the epoch is still a time
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "1969-12-31T23:00:00Z");
  in = "2199-12-31T23:59:59Z";
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "2199-12-31T23:59:59Z");
}
