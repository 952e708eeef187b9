#pragma once
// The placeholder grammar of titles, facts and fixes, shared by the loader's checks
// (rule_checks.cpp) and the renderer (template_render.cpp) so the two cannot disagree:
//   `{` name [`|` filter [`:` argument]]... `}`
// name is [A-Za-z_][A-Za-z0-9_]*, a filter name [a-z_]+, an argument any text but `{ } |` and
// line breaks. Anything else (`{}`, `{ x}`, `{{.State}}`) is literal text. Filters compute a
// value from the capture (docs/rules.md, "Computed values"): `above` (a size with room above the
// one the log shows), `or:TEXT` (TEXT when the capture is missing or empty).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logdx::analysis {

struct PlaceholderFilter {
  std::string_view name;
  std::string_view argument;  // after `:`; empty when the filter has none
  bool has_argument = false;  // a `:` was written (`or:` with nothing after it: "or nothing")
};

struct Placeholder {
  std::size_t length = 0;  // of the whole `{...}`, braces included
  std::string_view name;
  std::vector<PlaceholderFilter> filters;
};

// The placeholder that starts at text[open] (a '{'), or nullopt when the text there is literal.
std::optional<Placeholder> placeholder_at(std::string_view text, std::size_t open);

// The first filter of `p` that logdx does not know, or nullopt when all are known (`above`
// without an argument, `or` with one).
std::optional<PlaceholderFilter> unknown_filter(const Placeholder& p);

// The placeholder's value: the capture (nullopt when missing) passed through its filters in
// order. nullopt when it cannot be computed (a missing capture without `or`, `above` of
// something that is not a positive number): the renderer then keeps the placeholder literally.
std::optional<std::string> filtered_value(const Placeholder& p, std::optional<std::string> value);

// `above`: the smallest power of two, or one and a half times a power of two, that is at least
// 1.5 times `value` (a positive decimal number as a log prints it: "1998", "15.9"); nullopt for
// anything else.
std::optional<std::string> step_above(std::string_view value);

}  // namespace logdx::analysis
