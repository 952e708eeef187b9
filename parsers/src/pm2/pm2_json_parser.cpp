// `pm2 logs --json`: one JSON object per line. App output lines
// {"message","timestamp","type":"out|err","process_id","app_name"} (pm2 removes every newline
// from "message", so a message never holds one) and daemon events
// {"timestamp","type":"process_event","status":"exit|online|restart overlimit|...","app_name"}.
// pm2-runtime --json prints the same on stdout, hence peelable.

#include "core/line_shape.hpp"
#include "pm2/pm2_common.hpp"
#include "pm2/pm2_json_record.hpp"
#include "pm2/pm2_parsers.hpp"

namespace logdx::pm2 {
namespace {

const ParserInfo kJsonInfo{
    "pm2-json", "`pm2 logs --json`: {\"message\",\"type\":\"out|err|process_event\",...}",
    SourceKind::pm2, 56, true};

class JsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    const auto record = reader_.read(line);
    if (!record) return LineVerdict::no_match;
    if (record->type == "process_event") {
      if (record->status.empty() || record->app_name.empty()) return LineVerdict::no_match;
      set_json_time(record->timestamp, event);
      set_daemon_identity(event);
      event.app.assign(record->app_name);
      // No text in the object: the status ("exit", "restart overlimit") is what happened.
      event.message.assign(record->status);
      event.set_field("status", record->status);
      event.set_field("event", record->status);
      return LineVerdict::record;
    }
    const auto stream = stream_from_type(record->type);
    // A newline inside "message" means a --log-type json app file, not this stream.
    if (stream.empty() || !record->message ||
        record->message->find_first_of("\r\n") != std::string_view::npos) {
      return LineVerdict::no_match;
    }
    set_json_time(record->timestamp, event);
    const std::string id = record->process_id ? std::to_string(*record->process_id) : std::string();
    set_app_origin(event, record->app_name, id, stream);
    event.message.assign(*record->message);
    return LineVerdict::record;
  }

 private:
  Pm2JsonReader reader_;
};

}  // namespace

void register_json_parser(ParserRegistry& registry) {
  registry.add(kJsonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<JsonParser>();
  });
}

}  // namespace logdx::pm2
