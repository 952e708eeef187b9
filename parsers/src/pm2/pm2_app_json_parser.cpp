// Per-app out/err files of an app started with `--log-type json`: pm2 writes each chunk the app
// printed as {"message","timestamp","type":"out|err","process_id","app_name"}. A chunk is what
// one write() gave: it ends with the app's newline (dropped here) and may hold several lines
// ("\n" kept inside the message) or a fragment of a bigger block (a V8 OOM report arrives over
// several objects; the reader's joiner reassembles it).

#include "core/line_shape.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_json_record.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

const ParserInfo kAppJsonInfo{"pm2-app-json",
                              "pm2 per-app log with --log-type json: {\"message\",\"type\",...}",
                              SourceKind::app, 55, false};

class AppJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kAppJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    const auto record = reader_.read(line);
    if (!record || !record->message) return LineVerdict::no_match;
    const auto stream = stream_from_type(record->type);
    if (stream.empty()) return LineVerdict::no_match;
    std::string_view message = *record->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) {
      message.remove_suffix(1);
    }
    set_json_time(record->timestamp, event);
    const std::string id = record->process_id ? std::to_string(*record->process_id) : std::string();
    set_app_origin(event, record->app_name, id, stream);
    event.message.assign(message);
    return LineVerdict::record;
  }

 private:
  Pm2JsonReader reader_;
};

}  // namespace

void register_app_json_parser(ParserRegistry& registry) {
  registry.add(kAppJsonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<AppJsonParser>();
  });
}

}  // namespace logdx::pm2
