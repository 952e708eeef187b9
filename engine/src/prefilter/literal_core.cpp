#include "prefilter/literal_core.hpp"

#include <cctype>
#include <optional>
#include <vector>

#include "regex_syntax/character_class.hpp"

namespace logdx::prefilter {
namespace {

struct Atom {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool literal = false;  // exactly one required character
  bool flags = false;    // a flags-only group such as (?i)
};

std::size_t group_end(std::string_view p, std::size_t i) {
  int depth = 0;
  while (i < p.size()) {
    if (p[i] == '\\') {
      i += 2;
      continue;
    }
    if (p[i] == '[') {
      i = regex_syntax::character_class_end(p, i);
      if (i == std::string_view::npos) return i;
      continue;
    }
    if (p[i] == '(') ++depth;
    if (p[i] == ')' && --depth == 0) return i + 1;
    ++i;
  }
  return std::string_view::npos;
}

// One escape at `i`; sets `literal` when it stands for exactly one fixed character.
std::size_t escape_end(std::string_view p, std::size_t i, bool& literal) {
  if (i + 1 >= p.size()) return std::string_view::npos;
  const char d = p[i + 1];
  literal = false;
  if (d == 'Q') {
    const std::size_t e = p.find("\\E", i + 2);
    return e == std::string_view::npos ? p.size() : e + 2;
  }
  if (d == 'x') {
    literal = true;
    if (i + 2 < p.size() && p[i + 2] == '{') {
      const std::size_t e = p.find('}', i + 3);
      return e == std::string_view::npos ? e : e + 1;
    }
    return i + 4 <= p.size() ? i + 4 : std::string_view::npos;
  }
  if (d == 'p' || d == 'P') {
    if (i + 2 < p.size() && p[i + 2] == '{') {
      const std::size_t e = p.find('}', i + 3);
      return e == std::string_view::npos ? e : e + 1;
    }
    return i + 3;
  }
  literal = std::ispunct(static_cast<unsigned char>(d)) != 0 || d == 'n' || d == 't' || d == 'r' ||
            d == 'f' || d == 'v';
  return i + 2;
}

// The top-level atoms, or nullopt when the pattern has a top-level '|' or is odd.
std::optional<std::vector<Atom>> atoms_of(std::string_view p) {
  std::vector<Atom> atoms;
  std::size_t i = 0;
  while (i < p.size()) {
    Atom a;
    a.begin = i;
    const char c = p[i];
    if (c == '|' || c == ')' || c == '*' || c == '+' || c == '?' || c == '{') return std::nullopt;
    if (c == '\\') {
      i = escape_end(p, i, a.literal);
    } else if (c == '[') {
      i = regex_syntax::character_class_end(p, i);
    } else if (c == '(') {
      i = group_end(p, i);
      if (i != std::string_view::npos && p.substr(a.begin, 2) == "(?") {
        const std::string_view inner = p.substr(a.begin + 2, i - a.begin - 3);
        a.flags = inner.find_first_not_of("imsUx-") == std::string_view::npos;
      }
    } else {
      a.literal = c != '.';
      ++i;
    }
    if (i == std::string_view::npos) return std::nullopt;
    if (i < p.size() && (p[i] == '*' || p[i] == '+' || p[i] == '?' || p[i] == '{')) {
      a.literal = false;
      if (p[i] == '{') {
        const std::size_t close = p.find('}', i);
        if (close == std::string_view::npos) return std::nullopt;
        i = close + 1;
      } else {
        ++i;
      }
      if (i < p.size() && (p[i] == '?' || p[i] == '+')) ++i;
    }
    a.end = i;
    atoms.push_back(a);
  }
  return atoms;
}

}  // namespace

std::string literal_core(std::string_view relaxed) {
  constexpr std::size_t kMinRun = 3;
  const auto atoms = atoms_of(relaxed);
  if (!atoms) return std::string(relaxed);
  std::size_t best_start = 0;
  std::size_t best_len = 0;
  for (std::size_t k = 0; k < atoms->size();) {
    if (!(*atoms)[k].literal) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < atoms->size() && (*atoms)[end].literal) ++end;
    if (end - k > best_len) {
      best_len = end - k;
      best_start = k;
    }
    k = end;
  }
  if (best_len < kMinRun || best_start == 0) return std::string(relaxed);
  std::string out;
  for (std::size_t k = 0; k < best_start; ++k) {
    const Atom& a = (*atoms)[k];
    if (a.flags) out.append(relaxed.substr(a.begin, a.end - a.begin));
  }
  out.append(relaxed.substr((*atoms)[best_start].begin));
  return out;
}

}  // namespace logdx::prefilter
