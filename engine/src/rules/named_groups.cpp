#include "rules/named_groups.hpp"

#include "regex_syntax/character_class.hpp"

namespace logdx::rules {
namespace {

// Index just past an escape starting at `i` (pattern[i] == '\\'); `\Q` quotes up to `\E`.
std::size_t skip_escape(std::string_view p, std::size_t i) {
  if (p.substr(i, 2) != "\\Q") return i + 2;
  const std::size_t end = p.find("\\E", i + 2);
  return end == std::string_view::npos ? p.size() : end + 2;
}

// `(?<name>`, not the look-behind `(?<=` / `(?<!` (which RE2 refuses anyway).
bool is_bare_name(std::string_view four) {
  return four.size() == 4 && four.starts_with("(?<") && four[3] != '=' && four[3] != '!';
}

}  // namespace

std::vector<std::string> named_groups(std::string_view p) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '\\') {
      i = skip_escape(p, i);
    } else if (p[i] == '[') {
      i = regex_syntax::character_class_end(p, i);  // npos ends the scan
    } else if (p[i] == '(' && (p.substr(i, 4) == "(?P<" || is_bare_name(p.substr(i, 4)))) {
      const std::size_t start = i + (p[i + 2] == 'P' ? 4 : 3);
      const std::size_t end = p.find('>', start);
      if (end == std::string_view::npos) break;
      out.emplace_back(p.substr(start, end - start));
      i = end + 1;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace logdx::rules
