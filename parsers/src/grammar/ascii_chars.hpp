#pragma once
// ASCII character classes for the X3 grammars. X3's own classes (x3::digit, x3::alpha,
// x3::ascii::alnum, ...) assert that a char is in their encoding's range and, with a signed
// char, pass negative values on to <cctype>: a log byte >= 0x80 (invalid UTF-8 is common in
// pastes) aborts a debug or sanitizer build. Plain ranges only compare, so they are safe.

#include <boost/spirit/home/x3.hpp>

namespace logdx::grammar::ascii {

namespace x3 = boost::spirit::x3;

inline const auto digit = x3::char_('0', '9');
inline const auto lower = x3::char_('a', 'z');
inline const auto upper = x3::char_('A', 'Z');
inline const auto alpha = lower | upper;
inline const auto alnum = lower | upper | digit;
inline const auto xdigit = digit | x3::char_('a', 'f') | x3::char_('A', 'F');
inline const auto space = x3::char_(" \t\r\n\f\v");

}  // namespace logdx::grammar::ascii
