// journalctl -o json (and json-seq, which puts RS before each object): one entry per line.

#include "journal/json_parser.hpp"

#include "core/line_shape.hpp"
#include "journal/journal_record.hpp"
#include "journal/json_value.hpp"

namespace logdx::journal {
namespace {

class JournalJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJournalJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event*) override {
    const std::string_view text = json_object_text(line);
    if (text.empty()) return LineVerdict::no_match;
    simdjson::dom::object object;
    if (json_.parse(text).get(object) != simdjson::SUCCESS) return LineVerdict::no_match;
    record_.clear();
    bool has_anchor = false;   // __CURSOR / __REALTIME_TIMESTAMP: only journalctl writes them
    bool has_trusted = false;  // a "_PID"-style field the journal itself adds
    for (auto [key, value] : object) {
      // Every journal field name is upper case; any other key means another JSON log.
      if (!is_journal_field_name(key)) return LineVerdict::no_match;
      has_anchor = has_anchor || key == "__CURSOR" || key == "__REALTIME_TIMESTAMP";
      has_trusted = has_trusted || key.front() == '_';
      if (json_value_text(value, scratch_)) record_.set(key, scratch_);
    }
    if (!has_anchor && !(record_.has_message() && has_trusted)) return LineVerdict::no_match;
    record_.apply(fresh);
    return LineVerdict::record;
  }

 private:
  PaddedJson json_;
  JournalRecord record_;
  std::string scratch_;
};

}  // namespace

std::unique_ptr<EnvelopeParser> make_journal_json_parser(const ParserOptions&) {
  return std::make_unique<JournalJsonParser>();
}

}  // namespace logdx::journal
