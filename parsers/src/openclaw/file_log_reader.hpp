#pragma once
// Reads one line of openclaw's JSON-lines file log (/tmp/openclaw/openclaw-YYYY-MM-DD.log, a
// tslog object: "0","1",... call arguments, "_meta", "time", "hostname", "message") into an
// Event. Shared by openclaw-file-json and openclaw-logs-json (whose "raw" is such a line).

#include <simdjson.h>

#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::openclaw {

class FileLogReader {
 public:
  // Parses `line` as a file-log object and fills `event`; false (event partly filled) when the
  // line is not JSON or not a file-log object (no "_meta" object, no "0" argument).
  bool read(std::string_view line, Event& event);

 private:
  bool fill(simdjson::dom::object object, Event& event);
  void read_meta(simdjson::dom::object meta, Event& event);
  bool read_context(std::string_view json, Event& event);

  simdjson::dom::parser parser_;
  simdjson::dom::parser context_parser_;  // the "0" argument is JSON text inside the JSON
  std::string buffer_;
  std::string context_buffer_;
};

// Parses `text` with `parser` through a reused padded buffer. Invalid UTF-8 bytes (which
// simdjson rejects) are read as '?' so that the record is not lost.
simdjson::simdjson_result<simdjson::dom::element> parse_padded(simdjson::dom::parser& parser,
                                                               std::string& buffer,
                                                               std::string_view text);

// A JSON value as log text: strings as they are, everything else as minified JSON.
std::string json_value_text(simdjson::dom::element value);

}  // namespace logdx::openclaw
