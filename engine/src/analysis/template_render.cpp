#include "analysis/template_render.hpp"

#include "analysis/shell_quote.hpp"

namespace logdx::analysis {
namespace {

bool is_name_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return alpha || (!first && c >= '0' && c <= '9');
}

// The length of the `{name}` placeholder at text[open] ('{'), or 0 when it is not one.
std::size_t placeholder_length(std::string_view text, std::size_t open) {
  std::size_t end = open + 1;
  while (end < text.size() && is_name_char(text[end], end == open + 1)) ++end;
  if (end == open + 1 || end >= text.size() || text[end] != '}') return 0;
  return end + 1 - open;
}

// Where the shell is in the command text when it reaches a placeholder.
enum class Quote { none, single, dbl };

// The value as one word fragment for the quoting state at its place: outside quotes it is
// quoted; inside "..." or '...' the open quote is closed, the quoted value put, and reopened
// ("abc"'v a l'"def" is one word), so $(...) inside double quotes can never run.
std::string quoted_for(Quote state, std::string_view value) {
  switch (state) {
    case Quote::none:
      return shell_quote(value);
    case Quote::single:
      return "'" + shell_quote(value) + "'";
    case Quote::dbl:
      return "\"" + shell_quote(value) + "\"";
  }
  return shell_quote(value);
}

std::string render(std::string_view text, const PlaceholderLookup& lookup, bool shell) {
  std::string out;
  out.reserve(text.size());
  Quote state = Quote::none;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') {
      if (const std::size_t length = placeholder_length(text, i)) {
        const auto value = lookup(text.substr(i + 1, length - 2));
        if (value) {
          out += shell ? quoted_for(state, *value) : *value;
        } else {
          out.append(text.substr(i, length));
        }
        i += length - 1;
        continue;
      }
    }
    out += c;
    if (!shell) continue;
    if (c == '\\' && state != Quote::single && i + 1 < text.size()) {
      out += text[++i];  // an escaped character changes no quoting state
    } else if (c == '\'' && state != Quote::dbl) {
      state = state == Quote::single ? Quote::none : Quote::single;
    } else if (c == '"' && state != Quote::single) {
      state = state == Quote::dbl ? Quote::none : Quote::dbl;
    }
  }
  return out;
}

}  // namespace

std::string render_text(std::string_view text, const PlaceholderLookup& lookup) {
  return render(text, lookup, false);
}

std::string render_command(std::string_view command, const PlaceholderLookup& lookup) {
  return render(command, lookup, true);
}

}  // namespace logdx::analysis
