#include "logdx/engine/record_lines.hpp"

namespace logdx::engine {

std::string_view nth_line(std::string_view text, std::size_t n) {
  std::size_t start = 0;
  for (; n > 0; --n) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? text.npos : end - start);
}

}  // namespace logdx::engine
