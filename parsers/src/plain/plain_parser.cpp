// The fallback: any line is a record; a leading ISO-8601 stamp is taken as its time.
// Continuations (stack frames and the like) are joined later by the RecordJoiner, which
// sees every format, so this parser does not guess them.

#include "grammar/time.hpp"
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {
namespace {

const ParserInfo kPlainInfo{
    "plain", "plain text; a leading ISO-8601 time is used when present", SourceKind::other, 0,
    false};

class PlainParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kPlainInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view text;
    if (grammar::iso8601(rest, event.time, text) && !rest.empty() && rest.front() == ' ') {
      event.time_text.assign(text);
      rest.remove_prefix(1);
      event.message.assign(rest);
    } else {
      event.message.assign(line);
    }
    event.source = SourceKind::other;
    return LineVerdict::record;
  }
};

}  // namespace

void register_plain_parsers(ParserRegistry& registry) {
  registry.add(kPlainInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<PlainParser>();
  });
}

}  // namespace logdx
