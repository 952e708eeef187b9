// journalctl -o json-pretty: "{", one tab-indented `"KEY" : value` line per field, "}". Each
// member line is read on its own (wrapped in braces), so an entry is usable as it arrives and
// a cut-off entry still yields what it had.

#include "core/line_shape.hpp"
#include "journal/journal_record.hpp"
#include "journal/json_parser.hpp"
#include "journal/json_value.hpp"

namespace logdx::journal {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

class JournalJsonPrettyParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJournalJsonPrettyInfo; }
  bool may_start(std::string_view line) const override { return inside_ || holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override {
    const std::string_view text = trim(line);
    if (text == "{") {
      // The entry starts at its first field: a lone "{" says too little to claim an event.
      record_.clear();
      inside_ = true;
      started_ = false;
      return LineVerdict::skip;
    }
    if (!inside_) return LineVerdict::no_match;
    if (text == "}") {
      inside_ = false;
      return started_ && open != nullptr ? LineVerdict::continuation : LineVerdict::skip;
    }
    if (!read_member(text)) {
      inside_ = false;
      return LineVerdict::no_match;
    }
    const bool starts = !started_;
    started_ = true;
    return emit_record(record_, starts, fresh, open);
  }

  void reset() override {
    inside_ = false;
    started_ = false;
    record_.clear();
  }

 private:
  // `"KEY" : value,` -> record_.
  bool read_member(std::string_view text) {
    if (text.empty() || text.front() != '"') return false;
    if (text.back() == ',') text.remove_suffix(1);
    simdjson::dom::object object;
    if (json_.parse_member(text).get(object) != simdjson::SUCCESS) return false;
    bool any = false;
    for (auto [key, value] : object) {
      if (!is_journal_field_name(key)) return false;
      if (json_value_text(value, scratch_)) record_.set(key, scratch_);
      any = true;
    }
    return any;
  }

  PaddedJson json_;
  JournalRecord record_;
  std::string scratch_;
  bool inside_ = false;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<EnvelopeParser> make_journal_json_pretty_parser(const ParserOptions&) {
  return std::make_unique<JournalJsonPrettyParser>();
}

}  // namespace logdx::journal
