#pragma once
// Turns an RE2 rule pattern into one Hyperscan may scan whole buffers with: every zero-width
// assertion (^ $ \A \z \b \B) is dropped and named groups become plain groups. Dropping an
// assertion only widens what matches, and a match of the original inside a message is then a
// match of the relaxed pattern inside any text that contains the message (its raw line, the
// buffer around it), ending within the message's bytes. That is what makes the prefilter
// conservative.

#include <optional>
#include <string>
#include <string_view>

namespace logdx::prefilter {

struct Relaxed {
  std::optional<std::string> pattern;  // empty when the pattern must stay with RE2
  std::string reason;                  // why not
};

Relaxed relax_pattern(std::string_view re2_pattern);

}  // namespace logdx::prefilter
