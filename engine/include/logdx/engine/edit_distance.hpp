#pragma once
// Levenshtein distance between two words: the loader's did-you-mean for unknown keys and the
// CLI's for unknown rule ids use the same measure.

#include <cstddef>
#include <string_view>

namespace logdx {

std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace logdx
