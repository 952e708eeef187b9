#pragma once
// Filling `{name}` placeholders of titles, facts and fix commands. The placeholder grammar is
// the loader's (rule_checks.cpp): `{` a name ([A-Za-z_][A-Za-z0-9_]*) `}`; anything else is
// literal text. A name the lookup cannot fill is kept literally (`{name}`): the loader refuses
// undefined names, but a capture that did not take part in a match can still be missing.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace logdx::analysis {

using PlaceholderLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Plain text (titles, facts): values inserted as they are.
std::string render_text(std::string_view text, const PlaceholderLookup& lookup);

// A shell command: every inserted value becomes exactly one shell word fragment, quoted for
// the place it lands in (outside quotes, inside "...", inside '...'; see shell_quote.hpp).
std::string render_command(std::string_view command, const PlaceholderLookup& lookup);

}  // namespace logdx::analysis
