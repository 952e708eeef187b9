// ~/.pm2/pm2.log, the daemon's own log: `2026-03-05T08:20:25: PM2 log: text` (pm2 >= 4),
// `2026-03-05 08:20:25: PM2 log: text` (older pm2), bare `PM2 log: text` (oldest, no stamp:
// records without a time). `PM2 error: ` lines get level error. The `=====` banner rules carry
// nothing and are skipped. pm2-runtime / --no-daemon print the same lines on stdout, so they
// also show up inside docker and journal envelopes (peelable).

#include "core/line_shape.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

const ParserInfo kDaemonInfo{"pm2-daemon",
                             "~/.pm2/pm2.log: `YYYY-MM-DDTHH:MM:SS: PM2 log: App [name:id] ...`",
                             SourceKind::pm2, 65, true};

class DaemonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kDaemonInfo; }

  // "STAMP: PM2 log: ..." or "PM2 log: ...": a digit or "PM2 " first.
  bool may_start(std::string_view line) const override {
    return starts_with_digit(line) || line.starts_with("PM2 ");
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits().add("P"); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    switch (parse_daemon_body(line, true, event)) {
      case DaemonBody::message:
        return LineVerdict::record;
      case DaemonBody::rule:
        return LineVerdict::skip;
      case DaemonBody::none:
        break;
    }
    return LineVerdict::no_match;
  }
};

}  // namespace

void register_daemon_parser(ParserRegistry& registry) {
  registry.add(kDaemonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<DaemonParser>();
  });
}

}  // namespace logdx::pm2
