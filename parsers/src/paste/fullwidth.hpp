#pragma once
// Full-width forms typed on a CJK keyboard: a person retyping or annotating a log in an issue
// often writes "：" "（" "）" "，" (U+FF01..U+FF5E, the full-width twins of ASCII '!'..'~') and
// the ideographic space U+3000 where the program printed ASCII. Folding them to ASCII (what
// Unicode's NFKC does for these code points) lets a rule written from the program's template
// still match. Other bytes, CJK text and invalid UTF-8 included, are kept as they are.

#include <string>
#include <string_view>

namespace logdx::paste {

// Whether `text` holds a full-width ASCII form or an ideographic space.
bool has_fullwidth(std::string_view text);

// `text` with each full-width ASCII form replaced by its ASCII character and each ideographic
// space by ' ', written into `out` (which must not alias `text`).
void fold_fullwidth_into(std::string_view text, std::string& out);

}  // namespace logdx::paste
