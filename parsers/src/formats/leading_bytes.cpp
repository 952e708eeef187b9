#include "formats/leading_bytes.hpp"

#include <cstddef>
#include <optional>
#include <string>

#include "core/ascii.hpp"

namespace logdx::formats {
namespace {

ByteSet every_byte() { return ByteSet().set(); }

void add_range(ByteSet& set, unsigned char from, unsigned char to) {
  for (unsigned c = from; c <= to; ++c) set.set(c);
}

// `\d`, `\w`, `\s` as RE2 reads them: ASCII only, and `\s` without \v.
std::optional<ByteSet> perl_class(char name) {
  ByteSet set;
  switch (name) {
    case 'd':
      add_range(set, '0', '9');
      return set;
    case 'w':
      add_range(set, '0', '9');
      add_range(set, 'a', 'z');
      add_range(set, 'A', 'Z');
      set.set('_');
      return set;
    case 's':
      for (char c : {' ', '\t', '\n', '\f', '\r'}) set.set(static_cast<unsigned char>(c));
      return set;
    default:
      return std::nullopt;
  }
}

// The byte an escape other than a Perl class stands for: punctuation escapes itself, \n \t
// \r \f \v their control bytes; anything else (\x, \p, \b, \A, \Q ...) is not followed.
std::optional<unsigned char> escaped_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case 'v':
      return '\v';
    default:
      if (b < 0x80 && !is_ascii_alnum(b) && b > 0x20) return b;
      return std::nullopt;
  }
}

// Where the bracket class opening at `at` ends (one past its `]`), or npos.
std::size_t class_end(std::string_view re, std::size_t at) {
  std::size_t i = at + 1;
  if (i < re.size() && re[i] == '^') ++i;
  if (i < re.size() && re[i] == ']') ++i;  // a leading ']' is a literal
  for (; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
    } else if (re[i] == '[' && i + 1 < re.size() && re[i + 1] == ':') {
      return std::string_view::npos;  // [:alpha:] and friends: not followed
    } else if (re[i] == ']') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// The bytes of the bracket class re[at, end).
std::optional<ByteSet> class_bytes(std::string_view re, std::size_t at, std::size_t end) {
  std::size_t i = at + 1;
  const bool negated = i < re.size() && re[i] == '^';
  if (negated) ++i;
  ByteSet set;
  bool first = true;
  while (i < end - 1) {
    unsigned char from = 0;
    if (re[i] == '\\') {
      if (i + 1 >= end - 1) return std::nullopt;
      if (const auto perl = perl_class(re[i + 1])) {
        set |= *perl;
        i += 2;
        first = false;
        continue;
      }
      const auto b = escaped_byte(re[i + 1]);
      if (!b) return std::nullopt;
      from = *b;
      i += 2;
    } else {
      if (re[i] == ']' && !first) break;
      from = static_cast<unsigned char>(re[i]);
      ++i;
    }
    first = false;
    if (i + 1 < end - 1 && re[i] == '-') {
      if (re[i + 1] == '\\') return std::nullopt;
      const auto to = static_cast<unsigned char>(re[i + 1]);
      if (to < from) return std::nullopt;
      add_range(set, from, to);
      i += 2;
    } else {
      set.set(from);
    }
  }
  if (negated) set.flip();
  return set;
}

// Where the group opening at `at` ends (one past its `)`), or npos; `alternates` says whether
// its own level holds a `|`.
std::size_t group_end(std::string_view re, std::size_t at, bool& alternates) {
  int depth = 0;
  for (std::size_t i = at; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      const std::size_t end = class_end(re, i);
      if (end == std::string_view::npos) return end;
      i = end - 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return i + 1;
    } else if (c == '|' && depth == 1) {
      alternates = true;
    }
  }
  return std::string_view::npos;
}

// Whether what follows an atom lets it match nothing: `?`, `*`, `{0`.
bool may_be_absent(std::string_view re, std::size_t after) {
  if (after >= re.size()) return false;
  const char c = re[after];
  if (c == '?' || c == '*') return true;
  return c == '{' && after + 1 < re.size() && re[after + 1] == '0';
}

// The number of bytes a group's opening takes: `(`, `(?:`, `(?P<name>`, `(?<name>`; 0 for
// anything else (flags, look-around), which is not followed.
std::size_t group_opening(std::string_view re, std::size_t at) {
  const std::string_view rest = re.substr(at);
  if (rest.size() < 2 || rest[1] != '?') return 1;
  if (rest.substr(0, 3) == "(?:") return 3;
  std::size_t name_at = 0;
  if (rest.substr(0, 4) == "(?P<") name_at = 4;
  if (rest.substr(0, 3) == "(?<") name_at = 3;
  if (name_at == 0) return 0;
  const std::size_t close = rest.find('>', name_at);
  return close == std::string_view::npos ? 0 : close + 1;
}

ByteSet sequence_leading(std::string_view re);

// One atom's first bytes and where it ends; end is npos for an atom not followed.
struct Atom {
  ByteSet bytes;
  std::size_t end = std::string_view::npos;
};

Atom read_atom(std::string_view re, std::size_t i) {
  const char c = re[i];
  if (c == '(') {
    bool alternates = false;
    const std::size_t end = group_end(re, i, alternates);
    const std::size_t opening = group_opening(re, i);
    if (end == std::string_view::npos || alternates || opening == 0) return {};
    return {sequence_leading(re.substr(i + opening, end - 1 - (i + opening))), end};
  }
  if (c == '[') {
    const std::size_t end = class_end(re, i);
    if (end == std::string_view::npos) return {};
    const auto bytes = class_bytes(re, i, end);
    return bytes ? Atom{*bytes, end} : Atom{};
  }
  ByteSet bytes;
  if (c == '\\') {
    if (i + 1 >= re.size()) return {};
    if (const auto perl = perl_class(re[i + 1])) return {*perl, i + 2};
    const auto b = escaped_byte(re[i + 1]);
    if (!b) return {};
    bytes.set(*b);
    return {bytes, i + 2};
  }
  constexpr std::string_view kMeta = ".)|*+?{}$";
  if (kMeta.find(c) != std::string_view::npos) return {};
  bytes.set(static_cast<unsigned char>(c));
  return {bytes, i + 1};
}

// Where the quantifier at `at` (`?`, `*`, `{m,n}`, each maybe lazy) ends, or npos.
std::size_t quantifier_end(std::string_view re, std::size_t at) {
  std::size_t end = at + 1;
  if (re[at] == '{') {
    end = re.find('}', at);
    if (end == std::string_view::npos) return end;
    ++end;
  }
  if (end < re.size() && re[end] == '?') ++end;
  return end;
}

// The first bytes of `re`, a sequence without a top-level `|`: its first atom's, and when that
// atom may match nothing (`?`, `*`, `{0,n}`), those of what follows it too.
ByteSet first_atom(std::string_view re) {
  std::size_t i = 0;
  while (i < re.size() && re[i] == '^') ++i;
  if (i >= re.size()) return every_byte();  // an empty match: any byte may follow it
  const Atom atom = read_atom(re, i);
  if (atom.end == std::string_view::npos) return every_byte();
  if (!may_be_absent(re, atom.end)) return atom.bytes;
  const std::size_t next = quantifier_end(re, atom.end);
  if (next == std::string_view::npos) return every_byte();
  return atom.bytes | first_atom(re.substr(next));
}

// Whether `re` has a `|` on its own level (a group's own `|` is the group's business), or
// brackets that do not close (then nothing can be said of it either).
bool has_top_level_alternation(std::string_view re) {
  for (std::size_t i = 0; i < re.size(); ++i) {
    if (re[i] == '\\') {
      ++i;
    } else if (re[i] == '[') {
      const std::size_t end = class_end(re, i);
      if (end == std::string_view::npos) return true;
      i = end - 1;
    } else if (re[i] == '(') {
      bool inner = false;
      const std::size_t end = group_end(re, i, inner);
      if (end == std::string_view::npos) return true;
      i = end - 1;
    } else if (re[i] == '|') {
      return true;
    }
  }
  return false;
}

// Every byte when `re` has a `|` on its own level; else the bytes its first atom may start with.
ByteSet sequence_leading(std::string_view re) {
  return has_top_level_alternation(re) ? every_byte() : first_atom(re);
}

// The longest run of plain bytes `re` (a sequence without a top-level `|`) must match one after
// another: top-level literals not made optional or repeated by a quantifier. The walk stops
// at anything it does not follow (a flag group such as `(?i)`, which would fold the case of
// what follows; an escape other than a class or punctuation; a non-ASCII byte), keeping the
// longest run before it.
std::string required_run(std::string_view re) {
  std::string best;
  std::string run;
  const auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  std::size_t i = 0;
  while (i < re.size()) {
    const char c = re[i];
    std::size_t next = i + 1;
    std::optional<unsigned char> literal;
    if (c == '(') {
      bool alternates = false;
      next = group_end(re, i, alternates);
      if (next == std::string_view::npos || group_opening(re, i) == 0) break;
    } else if (c == '[') {
      next = class_end(re, i);
      if (next == std::string_view::npos) break;
    } else if (c == '\\') {
      if (i + 1 >= re.size()) break;
      next = i + 2;
      if (!perl_class(re[i + 1])) {
        literal = escaped_byte(re[i + 1]);
        if (!literal) break;
      }
    } else if (c == '.' || c == '^' || c == '$') {
      // any byte, or an anchor: matches no byte of its own here
    } else if (std::string_view(")|*+?{}").find(c) != std::string_view::npos ||
               static_cast<unsigned char>(c) >= 0x80) {
      break;
    } else {
      literal = static_cast<unsigned char>(c);
    }
    const bool quantified =
        next < re.size() && std::string_view("?*+{").find(re[next]) != std::string_view::npos;
    if (quantified) {
      next = quantifier_end(re, next);
      if (next == std::string_view::npos) break;
    }
    if (literal && !quantified) {
      run.push_back(static_cast<char>(*literal));
    } else {
      end_run();
    }
    i = next;
  }
  end_run();
  return best;
}

}  // namespace

ByteSet leading_bytes(std::string_view regex) { return sequence_leading(regex); }

std::string required_literal(std::string_view regex) {
  return has_top_level_alternation(regex) ? std::string() : required_run(regex);
}

}  // namespace logdx::formats
