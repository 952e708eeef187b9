#include "paste/terminal_html.hpp"

#include <array>
#include <cstring>

namespace logdx::paste {
namespace {

constexpr std::size_t kMaxTag = 256;  // a converter's span carries a short style, never more

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

// The tags a terminal-to-HTML converter writes around coloured text, and the ones GitHub
// comments put around a pasted line (`<code>`, `<p><pre>` inside a `<details>` block).
constexpr std::array<std::string_view, 10> kInlineTags = {"span", "font", "strong", "b",    "em",
                                                          "i",    "u",    "pre",    "code", "p"};

// Index just past the inline tag that starts at text[at] ('<'), or 0 when none starts there:
// "<name>" or "<name attrs...>" or "</name>" (spaces before '>' allowed), within kMaxTag bytes
// and without another '<' inside.
std::size_t inline_tag_end(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  const bool closing = i < text.size() && text[i] == '/';
  if (closing) ++i;
  for (const std::string_view name : kInlineTags) {
    if (!starts_with_nocase(text, i, name)) continue;
    std::size_t j = i + name.size();
    if (j >= text.size()) return 0;
    const char next = text[j];
    if (next != '>' && next != ' ' && next != '\t') continue;  // "<bold", "<ul>", "<img"
    const std::size_t limit = std::min(text.size(), at + kMaxTag);
    for (; j < limit; ++j) {
      if (text[j] == '>') return j + 1;
      if (text[j] == '<') return 0;
      if (closing && text[j] != ' ' && text[j] != '\t') return 0;  // "</b x>" is no close tag
    }
    return 0;
  }
  return 0;
}

struct Entity {
  std::string_view name;
  char value;
};
constexpr std::array<Entity, 7> kEntities = {{{"&lt;", '<'},
                                              {"&gt;", '>'},
                                              {"&amp;", '&'},
                                              {"&quot;", '"'},
                                              {"&#39;", '\''},
                                              {"&#x27;", '\''},
                                              {"&nbsp;", ' '}}};

bool line_has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

bool has_colour_span(std::string_view text) {
  for (std::size_t at = text.find("<span"); at != std::string_view::npos;
       at = text.find("<span", at + 1)) {
    const std::size_t attr = at + 5;
    if (attr < text.size() && (text[attr] == ' ' || text[attr] == '\t')) {
      const std::string_view rest = text.substr(attr + 1, 8);
      if (rest.substr(0, 6) == "style=" || rest.substr(0, 6) == "class=") return true;
    }
  }
  return false;
}

bool opens_or_closes_pre(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  if (starts_with_nocase(text, first, "<p><pre")) first += 3;  // GitHub's "<p><pre>" in <details>
  if (starts_with_nocase(text, first, "<pre>") || starts_with_nocase(text, first, "<pre ")) {
    return true;
  }
  const std::size_t last = text.find_last_not_of(" \t");
  return last >= 5 && starts_with_nocase(text, last - 5, "</pre>");
}

// A line pasted into a GitHub comment as HTML inline code: "<code>LINE</code>", opened at the
// line's start (after blanks) and closed on the same line.
bool wrapped_in_code(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos || !starts_with_nocase(text, first, "<code>")) return false;
  const std::string_view rest = text.substr(first + 6);
  return rest.find("</code>") != std::string_view::npos ||
         rest.find("</CODE>") != std::string_view::npos;
}

}  // namespace

bool has_terminal_html(std::string_view text) {
  if (std::memchr(text.data(), '<', text.size()) == nullptr) return false;
  return has_colour_span(text) || line_has(text, "</span>") || opens_or_closes_pre(text) ||
         wrapped_in_code(text);
}

void strip_terminal_html_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '<') {
      if (const std::size_t end = inline_tag_end(text, i); end != 0) {
        i = end;
        continue;
      }
    } else if (c == '&') {
      bool decoded = false;
      for (const Entity& entity : kEntities) {
        if (text.compare(i, entity.name.size(), entity.name) == 0) {
          out.push_back(entity.value);
          i += entity.name.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out.push_back(c);
    ++i;
  }
}

}  // namespace logdx::paste
