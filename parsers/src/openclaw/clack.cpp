// @clack/prompts decoration as `openclaw doctor` prints it:
//   ┌  OpenClaw doctor          intro
//   │                           gutter
//   ◇  Config ──────────╮       a note's title bar (opens a box)
//   │  text             │       a note's content
//   ├───────────────────╯       the note's bottom (closes the box)
//   └  Doctor complete.         outro
// Terminals cut long bars mid-character, so a bar may end in a broken UTF-8 sequence.

#include <array>

#include "openclaw/cli_shapes.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

constexpr std::string_view kVertical = "\xE2\x94\x82";  // │
constexpr std::array<std::string_view, 5> kTitleMarks = {
    "\xE2\x97\x87", "\xE2\x97\x86", "\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xB2"};  // ◇ ◆ ● ■ ▲
constexpr std::string_view kIntro = "\xE2\x94\x8C";                               // ┌
constexpr std::array<std::string_view, 3> kBottoms = {"\xE2\x94\x9C", "\xE2\x95\xB0",
                                                      "\xE2\x94\x94"};  // ├ ╰ └
constexpr std::string_view kOutro = "\xE2\x94\x94";                     // └

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Only spaces and box-drawing characters (U+2500..U+257F), possibly cut off at the end.
bool is_rule(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t left = text.size() - i;
    if (c == ' ') {
      ++i;
    } else if (c == 0xE2 && left >= 3 && (text[i + 1] == '\x94' || text[i + 1] == '\x95')) {
      i += 3;
    } else if (text.substr(i) == "\xEF\xBF\xBD" || (c == 0xE2 && left < 3) ||
               (c == 0xE2 && left == 2)) {
      return true;  // a bar cut by the terminal (raw bytes or U+FFFD)
    } else {
      return false;
    }
  }
  return true;
}

// "Config ──────╮" -> true: a title followed by a bar.
bool has_bar(std::string_view text) { return text.find("\xE2\x94\x80") != std::string_view::npos; }

}  // namespace

ClackResult read_clack(std::string_view line) {
  ClackResult result;
  if (starts_with(line, kVertical)) {
    std::string_view inner = line.substr(kVertical.size());
    const std::string_view body = trim(inner);
    if (body.size() >= kVertical.size() &&
        body.substr(body.size() - kVertical.size()) == kVertical) {
      inner = trim(body.substr(0, body.size() - kVertical.size()));
    } else {
      inner = body;
    }
    result.kind = inner.empty() ? ClackLine::rule : ClackLine::content;
    result.text = inner;
    return result;
  }
  for (auto mark : kTitleMarks) {
    if (starts_with(line, mark)) {
      result.kind = has_bar(line) ? ClackLine::opens : ClackLine::rule;
      result.text = trim(line.substr(mark.size()));
      return result;
    }
  }
  if (starts_with(line, kIntro)) {
    result.kind = ClackLine::rule;
    return result;
  }
  for (auto bottom : kBottoms) {
    if (!starts_with(line, bottom)) continue;
    const std::string_view rest = line.substr(bottom.size());
    if (is_rule(rest)) {
      result.kind = ClackLine::closes;
      return result;
    }
    if (bottom == kOutro) {  // "└  Doctor complete.": the command's conclusion
      result.kind = ClackLine::content;
      result.text = trim(rest);
      result.closes_box = true;
      return result;
    }
    return result;
  }
  return result;
}

}  // namespace logdx::openclaw
