#include "regex_syntax/character_class.hpp"

namespace logdx::regex_syntax {

std::size_t character_class_end(std::string_view p, std::size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i += 2;
    } else if (p.substr(i, 2) == "[:") {
      const std::size_t close = p.find(":]", i + 2);
      i = close == std::string_view::npos ? i + 1 : close + 2;
    } else {
      ++i;
    }
  }
  return i < p.size() ? i + 1 : std::string_view::npos;
}

}  // namespace logdx::regex_syntax
