#include "terminal_text.hpp"

#include <fmt/format.h>

namespace logdx::cli {

std::string terminal_safe(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' && keep_newlines) {
      out.push_back('\n');
    } else if (c == 0x1b) {
      out.append("\\e");
    } else if (c < 0x20 && c != '\t') {
      out.append(fmt::format("\\x{:02x}", static_cast<unsigned>(c)));
    } else if (c == 0x7f) {
      out.append("\\x7f");
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // A C1 control encoded as UTF-8 (U+0080..U+009F), e.g. U+009B, a one-character CSI.
      out.append(fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1])));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace logdx::cli
