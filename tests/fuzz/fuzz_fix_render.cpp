// The fix renderer on arbitrary captures and templates. Input: template, a 0xff byte, the
// capture value. Oracle: a small POSIX word splitter (shell_words.hpp). When the template
// rendered with a harmless marker word splits cleanly (nothing the shell would expand), the
// template rendered with the hostile value must split into the same words, with the value in
// place of each marker: one inert argument fragment, whatever it holds.

#include <optional>

#include "analysis/shell_quote.hpp"
#include "analysis/template_render.hpp"
#include "fuzz_input.hpp"
#include "shell_words.hpp"

namespace {

constexpr std::string_view kMarker = "zqMARKqz";

std::string without_nul(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '\0') out += c;
  }
  return out;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Whether some `{...}` of the template holds a `|` (a placeholder with filters).
bool has_filtered_placeholder(std::string_view command) {
  for (std::size_t open = command.find('{'); open != std::string_view::npos;
       open = command.find('{', open + 1)) {
    const std::size_t close = command.find('}', open + 1);
    if (close == std::string_view::npos) return false;
    if (command.substr(open, close - open).find('|') != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using logdx::fuzz::fail;
  const std::string_view input = logdx::fuzz::as_text(data, size);
  const std::size_t cut = input.find('\xff');
  const std::string_view value = cut == std::string_view::npos ? input : input.substr(cut + 1);
  const std::string_view command =
      cut == std::string_view::npos ? "echo {v}" : input.substr(0, cut);

  // shell_quote alone: always exactly one word, equal to the value (NULs cannot be argv).
  const auto quoted = logdx::fuzz::shell_words(logdx::analysis::shell_quote(value));
  if (!quoted || quoted->size() != 1 || (*quoted)[0] != without_nul(value)) {
    fail("shell_quote(value) is not exactly one word holding the value");
  }

  const auto with_value = [&](std::string_view) { return std::optional<std::string>(value); };
  std::size_t placed = 0;
  const auto with_marker = [&](std::string_view) {
    ++placed;
    return std::optional<std::string>(kMarker);
  };
  (void)logdx::analysis::render_text(command, with_value);
  const std::string rendered = logdx::analysis::render_command(command, with_value);
  if (command.find(kMarker) != std::string_view::npos) return 0;
  // A filtered placeholder ({heap_mb|above|or:4096}) renders a value computed from the capture,
  // not the capture itself: no oracle for where the value lands.
  if (has_filtered_placeholder(command)) return 0;
  const auto expected =
      logdx::fuzz::shell_words(logdx::analysis::render_command(command, with_marker));
  if (!expected) return 0;  // the template itself uses the shell's expansions: no oracle
  // The template may spell the marker itself across quotes (zq'MARK'qz): no oracle either.
  std::size_t markers = 0;
  for (const auto& word : *expected) {
    for (auto at = word.find(kMarker); at != std::string::npos; at = word.find(kMarker, at + 1)) {
      ++markers;
    }
  }
  if (markers != placed) return 0;
  const auto got = logdx::fuzz::shell_words(rendered);
  if (!got) fail("the value brought something the shell would expand or run");
  if (got->size() != expected->size()) fail("the value changed the number of arguments");
  const std::string clean = without_nul(value);
  for (std::size_t i = 0; i < got->size(); ++i) {
    if ((*got)[i] != replace_all((*expected)[i], kMarker, clean)) {
      fail("an argument is not the template's with the value in place");
    }
  }
  return 0;
}
