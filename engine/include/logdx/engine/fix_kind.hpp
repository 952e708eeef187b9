#pragma once
// What a fix is, so each printer shows it in a form that is valid as printed: a shell command
// (`$ ...`, captures shell-quoted, runnable as is), a config edit (the exact text to put in a
// file: an nginx directive, a unit-file line, an openclaw.json key; never shell-quoted), or a
// manual step (words for a person: a web console, a decision). docs/rules.md, "Fixes".

#include <cstdint>
#include <string_view>

namespace logdx {

enum class FixKind : std::uint8_t { shell, config, manual };

// "shell" | "config" | "manual": the JSON and SARIF name of a kind.
std::string_view to_string(FixKind kind);

}  // namespace logdx
