#pragma once
// A strict subset of POSIX shell word splitting, the oracle of the fix-render fuzz target:
// blanks split words; '...' is literal; "..." is literal except \ before $ ` " \ newline;
// \x outside quotes is x; backslash-newline outside single quotes joins lines. Anything the
// shell would expand, run or redirect ($, `, ; | & < > ( ), unquoted * ? [ ~ #, an unclosed
// quote) returns nullopt: no longer plain words. Reserved words ({ } !) and assignments
// (a=b) only matter in command position, which a capture never takes in a fix template.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logdx::fuzz {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

inline bool is_active_unquoted(char c) {
  switch (c) {
    case '$':
    case '`':
    case ';':
    case '|':
    case '&':
    case '<':
    case '>':
    case '(':
    case ')':
    case '*':
    case '?':
    case '[':
    case '~':
    case '#':
    case '\r':
    case '\0':
      return true;
    default:
      return false;
  }
}

inline std::optional<std::vector<std::string>> shell_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  std::size_t i = 0;
  const auto end_word = [&] {
    if (in_word) words.push_back(word);
    word.clear();
    in_word = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (is_blank(c)) {
      end_word();
      ++i;
    } else if (c == '\\') {
      if (i + 1 >= text.size()) return std::nullopt;
      if (text[i + 1] != '\n') {
        word += text[i + 1];
        in_word = true;
      }
      i += 2;
    } else if (c == '\'') {
      const std::size_t close = text.find('\'', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      word.append(text.substr(i + 1, close - i - 1));
      in_word = true;
      i = close + 1;
    } else if (c == '"') {
      in_word = true;
      for (++i;; ++i) {
        if (i >= text.size()) return std::nullopt;
        const char d = text[i];
        if (d == '"') break;
        if (d == '$' || d == '`' || d == '\0') return std::nullopt;
        if (d == '\\' && i + 1 < text.size()) {
          const char e = text[i + 1];
          if (e == '$' || e == '`' || e == '"' || e == '\\') {
            word += e;
            ++i;
            continue;
          }
          if (e == '\n') {
            ++i;
            continue;
          }
        }
        word += d;
      }
      ++i;
    } else if (is_active_unquoted(c)) {
      return std::nullopt;
    } else {
      word += c;
      in_word = true;
      ++i;
    }
  }
  end_word();
  return words;
}

}  // namespace logdx::fuzz
