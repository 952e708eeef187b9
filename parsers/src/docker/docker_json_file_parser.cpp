// The json-file logging driver's lines: {"log":"...\n","stream":"stdout","time":"...Z"}.
// The message is the container's line (the trailing newline dropped); Docker splits lines
// longer than 16 KiB into several entries of which only the last ends in "\n", so an entry
// following one without its newline (same stream) continues that record.

#include <simdjson.h>

#include <memory>
#include <string>

#include "core/line_shape.hpp"
#include "docker/docker_parsers.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::docker {
namespace {

// Above generic JSON: the log/stream/time keys are the driver's own.
const ParserInfo kJsonFileInfo{"docker-json-file",
                               "docker json-file driver: {\"log\":...,\"stream\":...,\"time\":...}",
                               SourceKind::app, 60, false};

struct Entry {
  std::string_view log;
  std::string_view stream;
  std::string_view time;
};

bool looks_like_object(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return !line.empty() && line.front() == '{' && line.find("\"log\"") != std::string_view::npos;
}

// Drops the newline Docker keeps at the end of each complete line ("\r\n" under a tty).
std::string_view without_newline(std::string_view log, bool& complete) {
  complete = !log.empty() && log.back() == '\n';
  if (complete) log.remove_suffix(1);
  if (complete && !log.empty() && log.back() == '\r') log.remove_suffix(1);
  return log;
}

class JsonFileParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kJsonFileInfo; }
  bool may_start(std::string_view line) const override { return partial_ || holds_brace(line); }
  StartBytes start_bytes() const override { return json_start_bytes(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event* open) override {
    Entry entry;
    if (!looks_like_object(line) || !read_entry(line, entry)) {
      partial_ = false;
      return LineVerdict::no_match;
    }
    bool complete = false;
    const std::string_view text = without_newline(entry.log, complete);
    if (partial_ && open != nullptr && entry.stream == partial_stream_) {
      open->message.append(text);
      partial_ = !complete;
      return LineVerdict::continuation;
    }
    const auto time = parse_iso8601(entry.time);
    if (!time) {
      partial_ = false;
      return LineVerdict::no_match;
    }
    event.time = *time;
    event.time_text.assign(entry.time);
    event.message.assign(text);
    if (!entry.stream.empty()) event.set_field("stream", entry.stream);
    // The text is the container's; the file does not name the container.
    event.source = classify_source("", "", SourceKind::app);
    partial_ = !complete;
    partial_stream_.assign(entry.stream);
    return LineVerdict::record;
  }

  void reset() override { partial_ = false; }

 private:
  bool read_entry(std::string_view line, Entry& entry) {
    buffer_.assign(line);
    buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
    simdjson::dom::element root;
    if (parser_.parse(buffer_.data(), line.size(), false).get(root)) return false;
    simdjson::dom::object object;
    if (root.get_object().get(object)) return false;
    if (object["log"].get_string().get(entry.log)) return false;
    if (object["time"].get_string().get(entry.time)) return false;
    // "stream" is absent in some hand-made files; any other type is not this format.
    auto stream = object["stream"];
    if (stream.error() == simdjson::SUCCESS && stream.get_string().get(entry.stream)) return false;
    return true;
  }

  simdjson::dom::parser parser_;
  std::string buffer_;
  bool partial_ = false;  // the last record's text did not end its line yet
  std::string partial_stream_;
};

}  // namespace

void add_json_file_parser(ParserRegistry& registry) {
  registry.add(kJsonFileInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<JsonFileParser>();
  });
}

}  // namespace logdx::docker
