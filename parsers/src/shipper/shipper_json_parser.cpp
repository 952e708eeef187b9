// JSON lines as log shippers write them from a central store: Vector's file/console sinks
// (`{"host":..,"message":..,"timestamp":..,"_SYSTEMD_UNIT":..}`), Fluent Bit's json_lines
// (`{"date":1700000000.1,"log":..,"kubernetes":{"pod_name":..}}`), Loki's `logcli
// --output=jsonl` (`{"labels":{..},"line":..,"timestamp":..}`) and an Elasticsearch export
// (`{"_index":..,"_source":{"@timestamp":..,"message":..,"host":{"name":..}}}`). The keys are
// looked up under their common names (shipper_keys.hpp); the message is peeled like any other.
// Lowest of the JSON formats: a line a specific parser owns (journal JSON, docker json-file,
// the gateway's logs, PM2, Caddy) is refused here, not only outranked in detection.

#include <memory>
#include <string>

#include "core/line_shape.hpp"
#include "journal/journal_record.hpp"
#include "journal/json_value.hpp"
#include "logdx/parsers/parser_registry.hpp"
#include "logdx/parsers/source_classifier.hpp"
#include "shipper/shipper_keys.hpp"

namespace logdx::shipper {
namespace {

const ParserInfo kShipperJsonInfo{
    "shipper-json",
    "JSON lines of a log shipper or store (Vector, Fluent Bit, Loki logcli jsonl, Elasticsearch)",
    SourceKind::other, 10, false};

class ShipperJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kShipperJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event*) override {
    const std::string_view text = json_object_text(line);
    if (text.empty()) return LineVerdict::no_match;
    simdjson::dom::object object;
    if (json_.parse(text).get(object) != simdjson::SUCCESS) return LineVerdict::no_match;
    // An Elasticsearch hit keeps the document under _source.
    simdjson::dom::object source;
    if (object["_source"].get_object().get(source) == simdjson::SUCCESS) object = source;
    if (owned_by_specific_parser(object)) return LineVerdict::no_match;
    ShipperRecord record;
    if (!read_record(object, record, scratch_)) return LineVerdict::no_match;
    fill_event(record, fresh);
    return LineVerdict::record;
  }

 private:
  // The journal's own fields a shipper passed through (Vector's journald source keeps them
  // beside its own keys) go through the journal's reading: unit, identifier, pid, priority.
  void fill_event(const ShipperRecord& record, Event& event) {
    journal_.clear();
    for (const auto& [key, value] : record.journal_fields) journal_.set(key, value);
    journal_.set("MESSAGE", record.message);
    journal_.apply(event);
    if (record.time.has_value()) {
      event.time = record.time;
      event.time_text = record.time_text;
    }
    if (!record.host.empty()) event.host = record.host;
    if (!record.unit.empty()) event.unit = record.unit;
    // A container is the unit of its line when nothing else names one (event.hpp).
    if (event.unit.empty()) event.unit = record.container;
    if (!record.app.empty()) event.app = record.app;
    if (!record.process.empty() && event.process.empty()) event.process = record.process;
    if (record.pid) event.pid = record.pid;
    if (record.level != Level::unknown) event.level = record.level;
    if (!record.container.empty()) event.set_field("container", record.container);
    // Without the journal's fields the names the shipper gave say what the line is.
    if (record.journal_fields.empty()) {
      event.source = classify_source(event.process, event.unit.empty() ? event.app : event.unit,
                                     SourceKind::other);
    }
  }

  journal::PaddedJson json_;
  journal::JournalRecord journal_;
  std::string scratch_;
};

}  // namespace

}  // namespace logdx::shipper

namespace logdx {

void register_shipper_parsers(ParserRegistry& registry) {
  registry.add(shipper::kShipperJsonInfo,
               [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
                 return std::make_unique<shipper::ShipperJsonParser>();
               });
}

}  // namespace logdx
