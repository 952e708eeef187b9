#include "paste/terminal_html.hpp"

#include <array>
#include <cstring>

#include "core/ascii.hpp"

namespace logdx::paste {
namespace {

constexpr std::size_t kMaxTag = 256;  // a converter's span carries a short style, never more

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  return at + prefix.size() <= text.size() && iequals_ascii(text.substr(at, prefix.size()), prefix);
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

// A span a converter writes for a colour: `<span style=...>` (aha, a terminal's "copy as
// HTML") or a class naming an ANSI colour (`ansi1 ansi31` of ansi2html, `ansi-red-fg` of
// ansi_up). A web page's own span (`<span class="code-label">` on an error page) is no colour.
bool is_colour_span(std::string_view text, std::size_t at) {
  const std::size_t attr = at + 5;
  if (attr >= text.size() || (text[attr] != ' ' && text[attr] != '\t')) return false;
  const std::string_view rest = text.substr(attr + 1);
  return has_prefix(rest, "style=") || has_prefix(rest, "class=\"ansi") ||
         has_prefix(rest, "class='ansi");
}

// Whether the line holds a colour span, or closes a span while opening none of a page's own:
// a converter's span that began on the line above ends on this one.
bool has_colour_markup(std::string_view text) {
  bool other_span = false;
  for (std::size_t at = text.find("<span"); at != std::string_view::npos;
       at = text.find("<span", at + 1)) {
    if (is_colour_span(text, at)) return true;
    other_span = true;
  }
  return !other_span && holds_text(text, "</span>");
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
  for (std::size_t at = rest.find("</"); at != std::string_view::npos;
       at = rest.find("</", at + 1)) {
    if (starts_with_nocase(rest, at, "</code>")) return true;
  }
  return false;
}

}  // namespace

bool has_terminal_html(std::string_view text) {
  if (std::memchr(text.data(), '<', text.size()) == nullptr) return false;
  return has_colour_markup(text) || opens_or_closes_pre(text) || wrapped_in_code(text);
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
