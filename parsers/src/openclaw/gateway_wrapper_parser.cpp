// "[Gateway stderr] <line>" / "[Gateway stdout] <line>": how the desktop app and other
// wrappers relay the gateway child's output. Desktop wrappers name the child their own way
// ("[OpenClaw stderr]", "[Gateway stdout]"): any short name before the stream word is taken.
// The message is the inner line (usually an openclaw console line, which the reader peels
// further); the stream becomes a field.

#include <cctype>

#include "logdx/parsers/source_classifier.hpp"
#include "openclaw/openclaw_parsers.hpp"

namespace logdx::openclaw {
namespace {

const ParserInfo kWrapperInfo{"gateway-wrapper",
                              "wrapper prefix around gateway output: [Gateway stderr] <line>",
                              SourceKind::gateway, 70, true};

constexpr std::size_t kMaxName = 40;

bool is_name(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '_' ||
          c == '.')) {
      return false;
    }
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class GatewayWrapperParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kWrapperInfo; }

  bool may_start(std::string_view line) const override {
    return line.size() >= 9 && line.front() == '[';
  }
  StartBytes start_bytes() const override { return StartBytes{}.add("["); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    if (!may_start(line)) return LineVerdict::no_match;
    const std::size_t close = line.find(']', 1);
    if (close == std::string_view::npos || close > kMaxName + 8) return LineVerdict::no_match;
    const std::string_view inside = line.substr(1, close - 1);
    const std::size_t space = inside.rfind(' ');
    if (space == std::string_view::npos) return LineVerdict::no_match;
    const std::string_view stream = inside.substr(space + 1);
    const std::string_view name = inside.substr(0, space);
    if ((stream != "stderr" && stream != "stdout") || !is_name(name)) return LineVerdict::no_match;
    std::string_view rest = line.substr(close + 1);
    if (!rest.empty() && rest.front() != ' ') return LineVerdict::no_match;
    if (!rest.empty()) rest.remove_prefix(1);
    event.message.assign(rest);
    event.set_field("stream", stream);
    const bool gateway = name == "Gateway" || is_gateway_name(lower(name));
    event.process = gateway ? "openclaw" : std::string(name);
    event.source = gateway ? SourceKind::gateway : SourceKind::app;
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
