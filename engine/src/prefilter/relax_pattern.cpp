#include "prefilter/relax_pattern.hpp"

namespace logdx::prefilter {
namespace {

// Copies a character class starting at `i` (the '['); returns the index after its ']'.
// Assertions mean nothing inside a class, so it is copied verbatim.
std::size_t copy_class(std::string_view p, std::size_t i, std::string& out) {
  const std::size_t start = i++;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a ']' first is a literal
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\' && i + 1 < p.size()) {
      i += 2;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      const std::size_t close = p.find(":]", i + 2);
      i = close == std::string_view::npos ? p.size() : close + 2;
    } else {
      ++i;
    }
  }
  if (i < p.size()) ++i;
  out.append(p.substr(start, i - start));
  return i;
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

}  // namespace

Relaxed relax_pattern(std::string_view p) {
  Relaxed result;
  for (unsigned char c : p) {
    // RE2 runs in Latin-1, where (?i) folds non-ASCII letters too; Hyperscan would not.
    if (c >= 0x80) {
      result.reason = "non-ASCII byte (Latin-1 case folding differs from Hyperscan's)";
      return result;
    }
  }
  std::string out;
  out.reserve(p.size());
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      i = copy_escape(p, i, out);
    } else if (c == '[') {
      i = copy_class(p, i, out);
    } else if (c == '^' || c == '$') {
      ++i;
    } else if (p.substr(i, 4) == "(?P<" || (p.substr(i, 3) == "(?<" && p.substr(i, 4) != "(?<=" &&
                                            p.substr(i, 4) != "(?<!")) {
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
