// @clack/prompts decoration as `openclaw doctor` prints it:
//   ┌  OpenClaw doctor          intro
//   │                           gutter
//   ◇  Config ──────────╮       a note's title bar (opens a box)
//   │  text             │       a note's content
//   ├───────────────────╯       the note's bottom (closes the box)
//   └  Doctor complete.         outro
// Terminals cut long bars mid-character, so a bar may end in a broken UTF-8 sequence.
// Clack puts two spaces after its marks and rounds its corners (╮ ╯); `pm2 ls` tables and
// `systemctl status` ("● unit - ...") use one space and square corners, so they do not match.

#include <array>

#include "openclaw/cli_shapes.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

constexpr std::string_view kVertical = "\xE2\x94\x82";  // │
constexpr std::array<std::string_view, 5> kTitleMarks = {
    "\xE2\x97\x87", "\xE2\x97\x86", "\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x96\xB2"};  // ◇ ◆ ● ■ ▲
constexpr std::string_view kIntro = "\xE2\x94\x8C";                                   // ┌
constexpr std::array<std::string_view, 2> kBottoms = {"\xE2\x94\x9C", "\xE2\x95\xB0"};  // ├ ╰
constexpr std::string_view kOutro = "\xE2\x94\x94";                                     // └
constexpr std::string_view kHorizontal = "\xE2\x94\x80";                                // ─
constexpr std::string_view kCornerUp = "\xE2\x95\xAF";                                  // ╯
constexpr std::string_view kGap = "  ";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "────────╯": horizontal bars ending in the rounded corner, or cut off by the terminal
// (a broken UTF-8 sequence or U+FFFD where the corner should be).
bool is_bottom_bar(std::string_view text) {
  std::size_t bars = 0;
  while (text.substr(0, kHorizontal.size()) == kHorizontal) {
    text.remove_prefix(kHorizontal.size());
    ++bars;
  }
  if (bars == 0) return false;
  return text.empty() || text == kCornerUp || text == "\xEF\xBF\xBD" ||
         (text.size() < 3 && static_cast<unsigned char>(text.front()) == 0xE2);
}

// "Config ──────╮" -> true: a title followed by a bar.
bool has_bar(std::string_view text) { return text.find("\xE2\x94\x80") != std::string_view::npos; }

}  // namespace

ClackResult read_clack(std::string_view line) {
  ClackResult result;
  if (starts_with(line, kVertical)) {
    std::string_view inner = line.substr(kVertical.size());
    if (!trim(inner).empty() && !starts_with(inner, kGap)) return result;  // a table row
    const std::string_view body = trim(inner);
    if (body.size() >= kVertical.size() &&
        body.substr(body.size() - kVertical.size()) == kVertical) {
      inner = trim(body.substr(0, body.size() - kVertical.size()));
    } else {
      inner = body;
    }
    if (inner.find(kVertical) != std::string_view::npos) return result;  // a table row
    result.kind = inner.empty() ? ClackLine::rule : ClackLine::content;
    result.text = inner;
    return result;
  }
  for (auto mark : kTitleMarks) {
    if (!starts_with(line, mark)) continue;
    const std::string_view rest = line.substr(mark.size());
    if (!starts_with(rest, kGap)) return result;
    result.text = trim(rest);
    if (has_bar(rest)) {
      result.kind = ClackLine::opens;
    } else {
      result.kind = result.text.empty() ? ClackLine::rule : ClackLine::content;
      result.mark = mark;
    }
    return result;
  }
  if (starts_with(line, kIntro)) {
    if (starts_with(line.substr(kIntro.size()), kGap)) result.kind = ClackLine::rule;
    return result;
  }
  for (auto bottom : kBottoms) {
    if (starts_with(line, bottom) && is_bottom_bar(line.substr(bottom.size()))) {
      result.kind = ClackLine::closes;
      return result;
    }
  }
  if (starts_with(line, kOutro)) {  // "└  Doctor complete.": the command's conclusion
    const std::string_view rest = line.substr(kOutro.size());
    if (trim(rest).empty()) {
      result.kind = ClackLine::closes;
    } else if (starts_with(rest, kGap)) {
      result.kind = ClackLine::content;
      result.text = trim(rest);
      result.closes_box = true;
    }
  }
  return result;
}

Level clack_mark_level(std::string_view mark) {
  if (mark == "\xE2\x96\xB2") return Level::warning;  // ▲ log.warn
  if (mark == "\xE2\x96\xA0") return Level::error;    // ■ log.error / cancel
  return Level::unknown;
}

}  // namespace logdx::openclaw
