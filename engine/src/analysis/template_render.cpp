#include "analysis/template_render.hpp"

#include "analysis/placeholder.hpp"
#include "analysis/shell_quote.hpp"

namespace logdx::analysis {
namespace {

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

// A value in a config edit stays one line: a capture from a multi-line record is cut at its
// first line break, so the edit shows the exact single line to put in the file.
std::string one_config_line(std::string_view value) {
  return std::string(value.substr(0, value.find_first_of("\r\n")));
}

enum class Insert { as_is, shell, config_line };

std::string render(std::string_view text, const PlaceholderLookup& lookup, Insert insert) {
  std::string out;
  out.reserve(text.size());
  Quote state = Quote::none;
  const bool shell = insert == Insert::shell;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') {
      if (const auto p = placeholder_at(text, i)) {
        const auto value = filtered_value(*p, lookup(p->name));
        if (!value) {
          out.append(text.substr(i, p->length));
        } else if (shell) {
          out += quoted_for(state, *value);
        } else if (insert == Insert::config_line) {
          out += one_config_line(*value);
        } else {
          out += *value;
        }
        i += p->length - 1;
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
  return render(text, lookup, Insert::as_is);
}

std::string render_command(std::string_view command, const PlaceholderLookup& lookup) {
  return render(command, lookup, Insert::shell);
}

std::string render_fix_text(FixKind kind, std::string_view text, const PlaceholderLookup& lookup) {
  switch (kind) {
    case FixKind::shell:
      return render(text, lookup, Insert::shell);
    case FixKind::config:
      return render(text, lookup, Insert::config_line);
    case FixKind::manual:
      return render(text, lookup, Insert::as_is);
  }
  return render(text, lookup, Insert::shell);
}

}  // namespace logdx::analysis
