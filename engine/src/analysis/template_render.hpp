#pragma once
// Filling `{name}` placeholders of titles, facts and fixes. The placeholder grammar, filters
// included (`{heap_mb|above}`), is placeholder.hpp's, shared with the loader's checks. A value
// that cannot be had is kept literally (`{name}`): the loader refuses undefined names, but a
// capture that did not take part in a match can still be missing.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "logdx/engine/fix_kind.hpp"

namespace logdx::analysis {

using PlaceholderLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Plain text (titles, facts): values inserted as they are.
std::string render_text(std::string_view text, const PlaceholderLookup& lookup);

// A shell command: every inserted value becomes exactly one shell word fragment, quoted for
// the place it lands in (outside quotes, inside "...", inside '...'; see shell_quote.hpp).
std::string render_command(std::string_view command, const PlaceholderLookup& lookup);

// A fix's text for its kind: shell commands as render_command; config edits insert values as
// written (a file's syntax is not the shell's), each cut at its first line break so an edit
// stays the one line it shows; manual steps as plain text.
std::string render_fix_text(FixKind kind, std::string_view text, const PlaceholderLookup& lookup);

}  // namespace logdx::analysis
