// "[Gateway stderr] <line>" / "[Gateway stdout] <line>": how the desktop app and other
// wrappers relay the gateway child's output. The message is the inner line (usually an
// openclaw console line, which the reader peels further); the stream becomes a field.

#include <boost/spirit/home/x3.hpp>

#include "openclaw/openclaw_parsers.hpp"

namespace logdx::openclaw {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kWrapperInfo{"gateway-wrapper",
                              "wrapper prefix around gateway output: [Gateway stderr] <line>",
                              SourceKind::gateway, 70, true};

const auto stream_word = x3::raw[x3::lit("stderr") | x3::lit("stdout")];
const auto wrapper_prefix = x3::lit("[Gateway ") >> stream_word >> x3::lit(']') >>
                            (x3::lit(' ') | x3::eoi);

class GatewayWrapperParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kWrapperInfo; }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    const char* first = line.data();
    boost::iterator_range<const char*> stream;
    if (!x3::parse(first, line.data() + line.size(), wrapper_prefix, stream)) {
      return LineVerdict::no_match;
    }
    event.message.assign(line.substr(static_cast<std::size_t>(first - line.data())));
    event.set_field("stream", std::string_view(stream.begin(), stream.size()));
    event.process = "openclaw";
    event.source = SourceKind::gateway;
    return LineVerdict::record;
  }
};

}  // namespace

void add_gateway_wrapper_parser(ParserRegistry& registry) {
  registry.add(kWrapperInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<GatewayWrapperParser>();
  });
}

}  // namespace logdx::openclaw
