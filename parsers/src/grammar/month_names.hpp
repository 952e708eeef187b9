#pragma once
// Month names as `%b` prints them: English (C locale) and the abbreviated names of the glibc
// locales people run journalctl, rsyslog and `dmesg -T` in. Those tools format their stamps
// with strftime, so a French host writes "mars 30 19:57:24" and a German one "Mär 30 ...".

#include <cstddef>
#include <string_view>

namespace logdx::grammar {

// Longer than any name month_from_name knows, in bytes (the longest, "maalis", "févr.", is 6).
inline constexpr std::size_t kMaxMonthNameBytes = 8;

// 1..12 for an abbreviated month name (ASCII letters compared without case, other bytes
// exactly), or 0. English first: it is the common case and costs one 3-byte compare.
unsigned month_from_name(std::string_view name);

}  // namespace logdx::grammar
