#include "command_line_text.hpp"

#include "logdx/engine/shell_quote.hpp"

namespace logdx::cli {
namespace {

std::string file_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Where the first shell word of `line` ends: a single-quoted word ends at its closing quote.
std::size_t first_word_end(std::string_view line) {
  if (line.starts_with('\'')) {
    const auto close = line.find('\'', 1);
    return close == std::string_view::npos ? line.size() : close + 1;
  }
  const auto space = line.find(' ');
  return space == std::string_view::npos ? line.size() : space;
}

}  // namespace

std::string recorded_command_line(const std::vector<std::string>& argv) {
  std::vector<std::string> words = argv;
  if (!words.empty()) words.front() = file_name(words.front());
  return shell_words(words);
}

std::string shown_command_line(std::string_view stored) {
  const std::size_t end = first_word_end(stored);
  std::string_view program = stored.substr(0, end);
  const bool quoted = program.size() >= 2 && program.starts_with('\'') && program.ends_with('\'');
  if (quoted) program = program.substr(1, program.size() - 2);
  if (program.find('/') == std::string_view::npos) return std::string(stored);
  return shell_words({file_name(program)}) + std::string(stored.substr(end));
}

}  // namespace logdx::cli
