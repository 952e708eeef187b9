// `openclaw logs --json`: {"type":"meta",...} (skipped), {"type":"log","time":...,"level":...,
// "subsystem"|"module":...,"message":...,"raw":"<file-log line>"} (a record; host and the
// structured arguments come from "raw"), and {"type":"error","message":...,"hint":...} when the
// command itself failed (a record at level error).

#include "core/line_shape.hpp"
#include "openclaw/file_log_reader.hpp"
#include "openclaw/openclaw_parsers.hpp"

namespace logdx::openclaw {
namespace {

const ParserInfo kLogsJsonInfo{
    "openclaw-logs-json",
    "openclaw logs --json: {\"type\":\"log\",\"time\":...,\"level\":...,\"raw\":...}",
    SourceKind::gateway, 70, true};

class LogsJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kLogsJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    if (line.empty() || line.front() != '{') return LineVerdict::no_match;
    simdjson::dom::object object;
    std::string_view type;
    if (parse_padded(parser_, buffer_, line).get_object().get(object) != simdjson::SUCCESS ||
        object["type"].get_string().get(type) != simdjson::SUCCESS) {
      return LineVerdict::no_match;
    }
    if (type == "meta" && object["file"].error() == simdjson::SUCCESS) return LineVerdict::skip;
    if (type == "log" && object["time"].error() == simdjson::SUCCESS) {
      read_log(object, event);
      return LineVerdict::record;
    }
    if (type == "error" && object["message"].error() == simdjson::SUCCESS) {
      read_error(object, event);
      return LineVerdict::record;
    }
    return LineVerdict::no_match;
  }

 private:
  void read_log(simdjson::dom::object object, Event& event) {
    std::string_view text;
    // The raw file-log line first: it has the host and the structured arguments.
    if (object["raw"].get_string().get(text) == simdjson::SUCCESS) raw_reader_.read(text, event);
    event.process = "openclaw";
    event.source = SourceKind::gateway;
    if (object["time"].get_string().get(text) == simdjson::SUCCESS) {
      if (auto t = parse_iso8601(text)) {
        event.time = *t;
        event.time_text.assign(text);
      }
    }
    if (object["level"].get_string().get(text) == simdjson::SUCCESS) {
      event.level = level_from_string(text);
    }
    if (object["subsystem"].get_string().get(text) == simdjson::SUCCESS ||
        object["module"].get_string().get(text) == simdjson::SUCCESS) {
      event.subsystem.assign(text);
    }
    if (object["message"].get_string().get(text) == simdjson::SUCCESS) event.message.assign(text);
  }

  static void read_error(simdjson::dom::object object, Event& event) {
    std::string_view text;
    event.process = "openclaw";
    event.source = SourceKind::gateway;
    event.level = Level::error;
    if (object["message"].get_string().get(text) == simdjson::SUCCESS) event.message.assign(text);
    if (object["hint"].get_string().get(text) == simdjson::SUCCESS) event.set_field("hint", text);
    simdjson::dom::object details;
    if (object["details"].get_object().get(details) == simdjson::SUCCESS) {
      for (auto [key, value] : details) event.set_field(key, json_value_text(value));
    }
  }

  simdjson::dom::parser parser_;
  std::string buffer_;
  FileLogReader raw_reader_;
};

}  // namespace

void add_logs_json_parser(ParserRegistry& registry) {
  registry.add(kLogsJsonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<LogsJsonParser>();
  });
}

}  // namespace logdx::openclaw
