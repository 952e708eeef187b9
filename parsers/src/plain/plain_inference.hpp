#pragma once
// What a line that no envelope parser claimed still says by its shape: a time at the front,
// a syslog tag (`systemd[1]: `, `kernel: `), and the source kind its wording belongs to
// (systemd manager, kernel OOM killer, the PM2 daemon, nginx). One place, so every plain-text
// path infers the same; rules anchored on the message see it without these prefixes, as they
// would after the envelope parser of that source.

#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx {

class PlainInference {
 public:
  explicit PlainInference(const ParserOptions& options) : default_year_(options.default_year) {}

  // Updates a plain-text event in place. Strips only what an envelope would have taken: the
  // leading time and the tag. Costs no allocation when the line has none of these shapes.
  void infer(Event& event) const;

 private:
  bool take_time(Event& event) const;
  static void take_tag(Event& event);
  static void classify_wording(Event& event);

  int default_year_;
};

}  // namespace logdx
