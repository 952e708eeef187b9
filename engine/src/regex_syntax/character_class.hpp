#pragma once

#include <cstddef>
#include <string_view>

namespace logdx::regex_syntax {

// Index just past the `]` closing the RE2 character class that opens at `open`
// (pattern[open] == '['), or npos when the class is never closed (RE2 refuses such a pattern;
// callers that only scan stop there).
//
// As RE2 reads a class: a leading `^` and then a leading `]` are members, `\x` is one member
// (so `\]` does not close), `[:alpha:]` holds a `]` of its own, and a `[:` with no `:]` after it
// is a plain `[` member.
std::size_t character_class_end(std::string_view pattern, std::size_t open);

}  // namespace logdx::regex_syntax
