#pragma once
// Small ASCII helpers shared by the parsers (log keywords are ASCII; no locale involved).

#include <cctype>
#include <string_view>

namespace logdx {

// Case-insensitive equality of two ASCII words ("WARN" == "warn").
inline bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace logdx
