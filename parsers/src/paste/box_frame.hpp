#pragma once
// Box-drawing frames around pasted text: `openclaw doctor` (clack) panels, one-column
// `│ text │` boxes, and the border lines of any box. Only Unicode box characters count: a
// plain '|' is the separator of PM2 and docker compose prefixes and is never touched.

#include <string_view>

namespace logdx::paste {

enum class FrameVerdict {
  none,        // not framed: leave the line alone
  decoration,  // only frame: a border, an empty framed line, a clack section title
  content,     // framed text: `text` is the line without its frame
};

struct Frame {
  FrameVerdict verdict = FrameVerdict::none;
  std::string_view text;
};

// Looks at one line. Table rows (a `│` inside the frame, as in `pm2 ls` and
// `pm2 describe`) are left alone: their parsers read the columns.
Frame unframe(std::string_view line);

}  // namespace logdx::paste
