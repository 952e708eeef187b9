#include "prefilter/relax_pattern.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "regex_syntax/character_class.hpp"

namespace logdx::prefilter {
namespace {

// Copies a character class starting at `i` (the '['); returns the index after its ']'.
// Assertions mean nothing inside a class, so it is copied verbatim.
std::size_t copy_class(std::string_view p, std::size_t i, std::string& out) {
  const std::size_t end = regex_syntax::character_class_end(p, i);
  const std::size_t stop = end == std::string_view::npos ? p.size() : end;
  out.append(p.substr(i, stop - i));
  return stop;
}

// Copies the escape at `i` (the '\'), dropping the zero-width ones; returns the next index.
std::size_t copy_escape(std::string_view p, std::size_t i, std::string& out) {
  if (i + 1 >= p.size()) {
    out.push_back('\\');
    return i + 1;
  }
  const char c = p[i + 1];
  if (c == 'b' || c == 'B' || c == 'A' || c == 'z') return i + 2;
  if (c == 'Q') {  // \Q...\E: a literal run, copied whole
    const std::size_t end = p.find("\\E", i + 2);
    const std::size_t stop = end == std::string_view::npos ? p.size() : end + 2;
    out.append(p.substr(i, stop - i));
    return stop;
  }
  out.append(p.substr(i, 2));
  return i + 2;
}

// RE2 in Latin-1 with (?i) folds À-Þ with à-þ (not × ÷); Hyperscan folds ASCII only, so the
// byte is written as a class of both (wider than needed where (?i) is off: still a superset).
void append_latin1_folded(unsigned char b, std::string& out) {
  const bool upper = b >= 0xC0 && b <= 0xDE && b != 0xD7;
  const bool lower = b >= 0xE0 && b <= 0xFE && b != 0xF7;
  if (upper || lower) {
    const unsigned partner = upper ? b + 0x20U : b - 0x20U;
    out += fmt::format("[\\x{:02X}\\x{:02X}]", b, partner);
  } else {
    out += fmt::format("\\x{:02X}", b);
  }
}

// An escape that may stand for a byte >= 0x80 (\\xHH with H >= 8, \\x{...}, octal \\NNN):
// under (?i) RE2 folds it with its Latin-1 partner, Hyperscan does not.
bool has_high_escape(std::string_view p) {
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    const char d = p[i + 1];
    if (d == 'x' && i + 2 < p.size() &&
        (p[i + 2] == '{' ||
         std::string_view("89abcdefABCDEF").find(p[i + 2]) != std::string_view::npos)) {
      return true;
    }
    if (d >= '0' && d <= '9') return true;
    ++i;  // skip the escaped character (an escaped backslash too)
  }
  return false;
}

// Whether a flags group such as (?i) or (?si:...) turns case folding on anywhere.
bool has_case_folding(std::string_view p) {
  for (std::size_t at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    if (at > 0 && p[at - 1] == '\\') continue;  // an escaped '(' (rough: "\\(?" is rare)
    for (std::size_t i = at + 2; i < p.size() && p[i] != ')' && p[i] != ':'; ++i) {
      if (p[i] == 'i') return true;
      if (p[i] == '-') break;                 // (?-i) turns it off
      if (p[i] == 'P' || p[i] == '<') break;  // a named group, not flags
    }
  }
  return false;
}

}  // namespace

Relaxed relax_pattern(std::string_view p) {
  Relaxed result;
  // RE2 runs in Latin-1, where (?i) folds non-ASCII letters too; Hyperscan would not. Without
  // case folding a non-ASCII byte is a literal byte to both.
  const bool non_ascii =
      std::any_of(p.begin(), p.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  const bool folding = has_case_folding(p);
  const bool fold_latin1 = non_ascii && folding;
  if (folding && has_high_escape(p)) {
    result.reason = "non-ASCII escape under (?i) (Latin-1 case folding differs from Hyperscan's)";
    return result;
  }
  std::string out;
  out.reserve(p.size());
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      const std::size_t end = copy_escape(p, i, out);
      if (fold_latin1 && std::any_of(p.begin() + static_cast<std::ptrdiff_t>(i),
                                     p.begin() + static_cast<std::ptrdiff_t>(end), [](char b) {
                                       return static_cast<unsigned char>(b) >= 0x80;
                                     })) {
        result.reason = "non-ASCII byte in \\Q...\\E under (?i) (Latin-1 case folding)";
        return result;
      }
      i = end;
    } else if (c == '[') {
      const std::size_t end = copy_class(p, i, out);
      if (fold_latin1 && std::any_of(p.begin() + static_cast<std::ptrdiff_t>(i),
                                     p.begin() + static_cast<std::ptrdiff_t>(end), [](char b) {
                                       return static_cast<unsigned char>(b) >= 0x80;
                                     })) {
        result.reason = "non-ASCII byte in a class under (?i) (Latin-1 case folding)";
        return result;
      }
      i = end;
    } else if (fold_latin1 && static_cast<unsigned char>(c) >= 0x80) {
      append_latin1_folded(static_cast<unsigned char>(c), out);
      ++i;
    } else if (c == '^' || c == '$') {
      ++i;
    } else if (p.substr(i, 4) == "(?P<" ||
               (p.substr(i, 3) == "(?<" && p.substr(i, 4) != "(?<=" && p.substr(i, 4) != "(?<!")) {
      const std::size_t close = p.find('>', i);
      if (close == std::string_view::npos) {
        result.reason = "unterminated group name";
        return result;
      }
      out.push_back('(');
      i = close + 1;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  result.pattern = std::move(out);
  return result;
}

}  // namespace logdx::prefilter
