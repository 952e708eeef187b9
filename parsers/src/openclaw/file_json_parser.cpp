// openclaw's JSON-lines file log (/tmp/openclaw/openclaw-YYYY-MM-DD.log), one tslog object per
// line. Keyed on "_meta" + "0", which generic JSON logs do not have.

#include "core/line_shape.hpp"
#include "openclaw/file_log_reader.hpp"
#include "openclaw/openclaw_parsers.hpp"

namespace logdx::openclaw {
namespace {

const ParserInfo kFileJsonInfo{
    "openclaw-file-json",
    "openclaw JSON-lines file log: {\"0\":...,\"_meta\":{\"logLevelName\":...},\"time\":...}",
    SourceKind::gateway, 70, true};

class FileJsonParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kFileJsonInfo; }
  bool may_start(std::string_view line) const override { return holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    return reader_.read(line, event) ? LineVerdict::record : LineVerdict::no_match;
  }

 private:
  FileLogReader reader_;
};

}  // namespace

void add_file_json_parser(ParserRegistry& registry) {
  registry.add(kFileJsonInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<FileJsonParser>();
  });
}

}  // namespace logdx::openclaw
