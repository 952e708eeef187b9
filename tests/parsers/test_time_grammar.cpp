// Pins the shared timestamp grammars: every stamp shape the formats use, zones, precision,
// and refusal of near-misses (bad month, bad hour, too few digits).

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

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
                               "2026-03-05", "hello", "",
                               // what the "YYYY-" check in front of the grammars turns away
                               " 2026-03-05T08:20:25Z", "+2026-03-05T08:20:25Z", "2026",
                               "2026/03/05 08:20:25", "20260-03-05T08:20:25Z", "12345 lines"}) {
    std::string_view in = bad;
    CHECK_FALSE(grammar::iso8601(in, t, text));
    CHECK(in == bad);
  }
}

// The shapes a line of plain text starts with: the cheap check before the grammars lets both
// ISO forms through (T and space) and still reads them whole.
TEST_CASE("iso8601 still reads both separators after its YYYY- check", "[time]") {
  Timestamp t;
  std::string_view text;
  for (std::string_view good : {"2026-03-05T08:20:25Z x", "2026-03-05 08:20:25.123 x"}) {
    std::string_view in = good;
    CHECK(grammar::iso8601(in, t, text));
    CHECK(in == " x");
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

// strftime's %b in the host's locale: journalctl short, rsyslog and `dmesg -T` all write
// their month through it. Names from glibc 2.36's locale sources (`abmon` of
// /usr/share/i18n/locales/fr_FR, de_DE, es_ES, it_IT, pt_PT, nl_NL, ru_RU); e.g. captured with
// `LANG=fr_FR.UTF-8 journalctl -o short` (systemd 252): "mars 30 19:57:24 osmc systemd[1]: ...".
TEST_CASE("BSD syslog stamps read localised month names", "[time]") {
  Timestamp t;
  std::string_view text;
  const struct {
    std::string_view line;
    std::string_view iso;
  } kStamps[] = {
      {"mars 30 19:57:24 osmc systemd[1]: x", "2026-03-30T19:57:24"},  // fr_FR
      {"janv. 05 10:00:00 host x", "2026-01-05T10:00:00"},             // fr_FR, with its dot
      {"f\xC3\xA9vr. 14 07:01:02 host x", "2026-02-14T07:01:02"},      // fr_FR "févr."
      {"ao\xC3\xBBt  3 11:22:33 host x", "2026-08-03T11:22:33"},       // fr_FR "août"
      {"d\xC3\xA9"
       "c. 31 23:59:59 host x",
       "2026-12-31T23:59:59"},                                                 // fr_FR "déc."
      {"M\xC3\xA4r 30 19:57:24 host x", "2026-03-30T19:57:24"},                // de_DE "Mär"
      {"Okt  1 01:02:03 host x", "2026-10-01T01:02:03"},                       // de_DE
      {"Dez 24 18:00:00 host x", "2026-12-24T18:00:00"},                       // de_DE
      {"ene 15 12:00:00 host x", "2026-01-15T12:00:00"},                       // es_ES
      {"dic 31 12:00:00 host x", "2026-12-31T12:00:00"},                       // es_ES
      {"giu 02 12:00:00 host x", "2026-06-02T12:00:00"},                       // it_IT
      {"out 09 12:00:00 host x", "2026-10-09T12:00:00"},                       // pt_PT / pt_BR
      {"mrt 09 12:00:00 host x", "2026-03-09T12:00:00"},                       // nl_NL
      {"\xD0\xBC\xD0\xB0\xD1\x80 30 19:57:24 host x", "2026-03-30T19:57:24"},  // ru_RU "мар"
  };
  for (const auto& s : kStamps) {
    std::string_view in = s.line;
    INFO(s.line);
    CHECK(iso_of(grammar::bsd_syslog(in, 2026, t, text), t) == s.iso);
    CHECK(in.substr(0, 1) == " ");
  }
  for (std::string_view bad :
       {"Fatal 10 15:05:10 host", "mars30 19:57:24 host", "janv 05 10:00:00",
        "xyzzyqwertz 05 10:00:00", "ma 05 10:00:00",
        // CJK look-alikes: a word glued to the month, month 13, three digits, no blank
        "3\xE6\x9C\x88x 05 10:00:00", "13\xE6\x9C\x88 05 10:00:00", "123\xEC\x9B\x94 05 10:00:00",
        "7\xE6\x9C\x88"
        "05 10:00:00"}) {
    std::string_view in = bad;
    INFO(bad);
    CHECK_FALSE(grammar::bsd_syslog(in, 2026, t, text));
    CHECK(in == bad);
  }
}

// util-linux dmesg -T formats with strftime("%a %b %e %H:%M:%S %Y"), so both names follow the
// locale: "[mar. mars  5 08:12:01 2024]" under fr_FR, "[Di Mär  5 ...]" under de_DE.
TEST_CASE("dmesg -T stamps read English and localised names", "[time]") {
  Timestamp t;
  std::string_view text;
  std::string_view in = "Tue Mar  5 08:12:01 2024] x";
  CHECK(iso_of(grammar::ctime(in, t, text), t) == "2024-03-05T08:12:01");
  in = "mar. mars  5 08:12:01 2024] x";
  CHECK(iso_of(grammar::ctime(in, t, text), t) == "2024-03-05T08:12:01");
  in = "Di M\xC3\xA4r  5 08:12:01 2024] x";
  CHECK(iso_of(grammar::ctime(in, t, text), t) == "2024-03-05T08:12:01");
  in = "Tue Foo  5 08:12:01 2024]";
  CHECK_FALSE(grammar::ctime(in, t, text));
}

// What other tools write when they reformat a paste: Python logging's default asctime
// ("2026-03-05 08:20:25,123", a comma before the millis), toISOString() ("Z"), RFC 3339
// "+00:00", no zone at all, and `journalctl -o short-unix` epoch seconds.
TEST_CASE("iso8601 takes Z, +00:00, no zone and a comma before the fraction", "[time]") {
  Timestamp t;
  std::string_view text;
  std::string_view in = "2026-03-05 08:20:25,123 ERROR x";
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "2026-03-05T08:20:25.123");
  CHECK(t.precision == TimePrecision::millis);
  in = "2026-03-05T08:20:25.123Z x";
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "2026-03-05T08:20:25.123Z");
  in = "2026-03-05T08:20:25.123+00:00 x";
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "2026-03-05T08:20:25.123Z");
  in = "2026-03-05T08:20:25 x";
  CHECK(iso_of(grammar::iso8601(in, t, text), t) == "2026-03-05T08:20:25");
  CHECK(t.kind == TimeKind::local);
  in = "1772697625 host";
  CHECK(iso_of(grammar::unix_seconds(in, t, text), t) == "2026-03-05T08:00:25Z");
}

// Every month of thirteen locales (the CJK ones write "7月" / " 7월") as glibc 2.36's strftime
// really prints it (corpus/captured/glibc, README there says how): the journalctl short stamp
// and the dmesg -T stamp both parse, to the month the line says.
TEST_CASE("glibc's localised %b and %a stamps parse to the right month", "[time]") {
  std::ifstream in(std::string(LOGDX_CORPUS_DIR) + "/captured/glibc/strftime-stamps.txt");
  REQUIRE(in);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    INFO(line);
    const auto bar1 = line.find('|');
    const auto bar2 = line.find('|', bar1 + 1);
    REQUIRE(bar2 != std::string::npos);
    const std::string month = line.substr(bar1 - 2, 2);
    const std::string expected = "2026-" + month + "-05T08:12:01";
    Timestamp t;
    std::string_view text;
    std::string_view short_stamp = std::string_view(line).substr(bar1 + 1, bar2 - bar1 - 1);
    CHECK(iso_of(grammar::bsd_syslog(short_stamp, 2026, t, text), t) == expected);
    CHECK(short_stamp.empty());
    std::string_view dmesg_stamp = std::string_view(line).substr(bar2 + 1);
    CHECK(iso_of(grammar::ctime(dmesg_stamp, t, text), t) == expected);
    CHECK(dmesg_stamp.empty());
  }
  CHECK(lines == 156);
}
