// Per-app out/err files of an app started with `--time` or `--log-date-format`: pm2 writes
// `<stamp>: ` before every line of the app ("2026-03-05T08:20:25: " for --time,
// "2026-03-05 08:20:25 +00:00: " for "YYYY-MM-DD HH:mm:ss Z"). The ": " right after the stamp is
// what sets it apart from an app's own ISO stamp. The app name is not in the line (only in the
// file name), so it stays empty. `pm2 logs` repeats these lines after its own prefix, so the
// format also appears inside pm2-logs messages (peelable).

#include "core/line_shape.hpp"
#include "grammar/time.hpp"
#include "logdx/parsers/source_classifier.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

const ParserInfo kAppTimeInfo{"pm2-app-time",
                              "pm2 per-app log with --time / --log-date-format: `STAMP: text`",
                              SourceKind::app, 50, true};

class AppTimeParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kAppTimeInfo; }
  bool may_start(std::string_view line) const override { return starts_with_digit(line); }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view stamp;
    if (!grammar::iso8601(rest, event.time, stamp) || rest.empty() || rest.front() != ':') {
      return LineVerdict::no_match;
    }
    rest.remove_prefix(1);
    if (!rest.empty()) {
      if (rest.front() != ' ') return LineVerdict::no_match;
      rest.remove_prefix(1);
    }
    // The same stamp shape heads pm2.log; those lines are the daemon's, not an app's.
    if (rest.size() > 4 && rest.substr(0, 4) == "PM2 " && rest[4] >= 'a' && rest[4] <= 'z') {
      return LineVerdict::no_match;
    }
    event.time_text.assign(stamp);
    event.message.assign(rest);
    event.source = classify_source("", "", SourceKind::app);
    return LineVerdict::record;
  }
};

}  // namespace

void register_app_time_parser(ParserRegistry& registry) {
  registry.add(kAppTimeInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<AppTimeParser>();
  });
}

}  // namespace logdx::pm2
