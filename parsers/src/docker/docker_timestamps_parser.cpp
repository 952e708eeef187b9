// `docker logs -t`: Docker's RFC 3339 nano stamp, one space, then the container's line as
// written. Peelable: the same prefix shows up inside journal or compose lines, and the line
// after it often carries the app's own envelope (the gateway's ISO stamp), peeled later.

#include <memory>

#include "core/line_shape.hpp"
#include "docker/docker_parsers.hpp"
#include "docker/docker_text.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::docker {
namespace {

// Below docker-events, whose lines start with the same stamp.
const ParserInfo kTimestampsInfo{"docker-timestamps",
                                 "docker logs -t: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ ` then the line",
                                 SourceKind::app, 55, true};

class TimestampsParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kTimestampsInfo; }
  bool may_start(std::string_view line) const override { return starts_with_digit(line); }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view text;
    if (!parse_nano_stamp(rest, event.time, text)) return LineVerdict::no_match;
    if (!rest.empty() && rest.front() != ' ') return LineVerdict::no_match;
    if (!rest.empty()) rest.remove_prefix(1);
    event.time_text.assign(text);
    event.message.assign(rest);
    // The text is the container's; which container is not written here.
    event.source = classify_source("", "", SourceKind::app);
    return LineVerdict::record;
  }
};

}  // namespace

void add_timestamps_parser(ParserRegistry& registry) {
  registry.add(kTimestampsInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<TimestampsParser>();
  });
}

}  // namespace logdx::docker
