#pragma once
// Timestamp grammars (Boost.Spirit X3) shared by the envelope parsers. Each function parses a
// stamp at the front of `in`; on success it advances `in` past the stamp, sets `out` and
// `text` (the stamp as written) and returns true; on failure `in` is unchanged.

#include <string_view>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::grammar {

// ISO 8601 / RFC 3339: "2026-11-24T10:00:03", "2026-11-24 10:00:03", optional ".fff..." and an
// optional zone "Z", "+00:00", "+0000", " +00:00" (PM2 --log-date-format). No zone => local.
bool iso8601(std::string_view& in, Timestamp& out, std::string_view& text);

// BSD syslog "Mar  5 08:20:25" (optionally ".123456", journalctl short-precise), no year: uses
// `year`. Result kind is local (the zone is the host's).
bool bsd_syslog(std::string_view& in, int year, Timestamp& out, std::string_view& text);

// "Tue Mar  5 08:20:25 2026" (dmesg -T, inside its brackets: pass the text without '[').
bool ctime(std::string_view& in, Timestamp& out, std::string_view& text);

// journalctl short-full / with-unit / verbose: "Tue 2026-02-10 15:05:10 UTC" or with
// ".123456"; the zone word UTC/GMT makes it utc, any other zone name leaves it local.
bool weekday_iso(std::string_view& in, Timestamp& out, std::string_view& text);

// "2026/03/05 08:20:25" with optional ".123" (nginx error log, Caddy console). Local time.
bool slash_datetime(std::string_view& in, Timestamp& out, std::string_view& text);

// Common log format "05/Mar/2026:08:20:25 +0000" (nginx/apache access, without brackets).
bool clf(std::string_view& in, Timestamp& out, std::string_view& text);

// PM2 `pm2 logs --timestamp` "2026-03-05-08:20:25" (dash between date and time). Local time.
bool pm2_dash(std::string_view& in, Timestamp& out, std::string_view& text);

// Seconds since boot in brackets "[  123.456789]" (dmesg, journalctl short-monotonic).
bool bracket_monotonic(std::string_view& in, Timestamp& out, std::string_view& text);

// Unix seconds with a fraction "1772697600.123456" (journalctl short-unix, Caddy "ts").
bool unix_seconds(std::string_view& in, Timestamp& out, std::string_view& text);

// Cheap necessary conditions, for the parsers' may_start gates: false only when the grammar
// of the same name fails on `in` (each is the first check that grammar makes).
bool may_start_bsd_syslog(std::string_view in);
bool may_start_weekday_iso(std::string_view in);

}  // namespace logdx::grammar
