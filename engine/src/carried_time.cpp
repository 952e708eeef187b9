#include "logdx/engine/carried_time.hpp"

namespace logdx {
namespace {

constexpr std::string_view kPlain = "plain";
// What the parsers record for a line whose unknown prefix they peeled (`box1: `, a wrapper's
// `[time] [LEVEL] ` column; parsers/src/core/input_parse.cpp): not a format, since every block
// of a paste may sit behind the same prefix. The format is the envelope found behind it.
constexpr std::string_view kPeeledPrefix = "prefix";

// A plain line that names no manager (an `Error: ...`, a stack frame, a wrapped tail) is the
// kind of line carry-forward exists for: it stays with the record before it. One whose wording
// says who wrote it (systemd, the kernel, pm2, a proxy) is that writer's.
bool names_its_writer(const Event& event) {
  return event.source != SourceKind::other && event.source != SourceKind::app;
}

}  // namespace

std::string_view carry_format(const Event& event) {
  for (const std::string& envelope : event.envelopes) {
    if (envelope != kPeeledPrefix) return envelope;
  }
  return event.parser.empty() ? kPlain : std::string_view(event.parser);
}

bool CarriedTime::starts_other_block(const Event& event) const {
  if (format_.empty()) return false;
  const std::string_view format = carry_format(event);
  if (format == kPlain) return names_its_writer(event) && event.source != source_;
  return format != format_;
}

void CarriedTime::observe(const Event& event) {
  if (event.time.has_value()) {
    observe(event.time, event.time_text);
    format_.assign(carry_format(event));  // reuses capacity: no allocation per line
    source_ = event.source;
  } else if (carrying_ && starts_other_block(event)) {
    carrying_ = false;
  }
}

void CarriedTime::observe(const Timestamp& time, std::string_view text) {
  if (!time.has_value()) return;
  last_ = time;
  last_text_.assign(text);  // reuses capacity: no allocation per line
  format_.clear();
  carrying_ = true;
}

}  // namespace logdx
