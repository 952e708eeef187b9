// The tslog object openclaw writes: for a subsystem logger "0" is the JSON *string*
// {"subsystem":"gateway/ws"} (or {"module":"cron",...}), then object arguments (structured
// fields) and the message string; plain console output forwarded to the file has the message
// in "0". "message" is the flattened human text and wins when present.

#include "openclaw/file_log_reader.hpp"

#include <fmt/format.h>

#include "logdx/parsers/timestamp.hpp"

namespace logdx::openclaw {
namespace {

Level level_from_id(std::int64_t id) {
  // tslog: 0 silly, 1 trace, 2 debug, 3 info, 4 warn, 5 error, 6 fatal.
  switch (id) {
    case 0:
    case 1:
      return Level::trace;
    case 2:
      return Level::debug;
    case 3:
      return Level::info;
    case 4:
      return Level::warning;
    case 5:
      return Level::error;
    case 6:
      return Level::critical;
    default:
      return Level::unknown;
  }
}

void set_time(std::string_view text, Event& event) {
  if (auto t = parse_iso8601(text)) {
    event.time = *t;
    event.time_text.assign(text);
  }
}

// Length of the valid UTF-8 sequence at the front of `text`, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (length == 0 || text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Replaces each byte that is not part of valid UTF-8 with '?', in place.
void replace_invalid_utf8(char* data, std::size_t size) {
  std::size_t i = 0;
  while (i < size) {
    const std::size_t length = utf8_sequence_length(std::string_view(data + i, size - i));
    if (length == 0) {
      data[i] = '?';
      ++i;
    } else {
      i += length;
    }
  }
}

// Object arguments become fields, one level deep ("cause"="unauthorized", "1.x" not needed).
void add_object_fields(simdjson::dom::object object, Event& event) {
  for (auto [key, value] : object) event.set_field(key, json_value_text(value));
}

}  // namespace

simdjson::simdjson_result<simdjson::dom::element> parse_padded(simdjson::dom::parser& parser,
                                                               std::string& buffer,
                                                               std::string_view text) {
  buffer.assign(text);
  buffer.resize(text.size() + simdjson::SIMDJSON_PADDING, '\0');
  auto result = parser.parse(buffer.data(), text.size(), false);
  if (result.error() != simdjson::UTF8_ERROR) return result;
  // simdjson refuses invalid UTF-8 outright; a record with '?' for the bad bytes beats losing
  // it (the reader keeps the raw line, bytes and all).
  replace_invalid_utf8(buffer.data(), text.size());
  return parser.parse(buffer.data(), text.size(), false);
}

std::string json_value_text(simdjson::dom::element value) {
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(value);
}

bool FileLogReader::read(std::string_view line, Event& event) {
  if (line.empty() || line.front() != '{') return false;
  simdjson::dom::object object;
  if (parse_padded(parser_, buffer_, line).get_object().get(object) != simdjson::SUCCESS) {
    return false;
  }
  return fill(object, event);
}

bool FileLogReader::fill(simdjson::dom::object object, Event& event) {
  simdjson::dom::object meta;
  simdjson::dom::element first_arg;
  if (object["_meta"].get_object().get(meta) != simdjson::SUCCESS ||
      object["0"].get(first_arg) != simdjson::SUCCESS) {
    return false;
  }
  event.process = "openclaw";
  event.source = SourceKind::gateway;
  read_meta(meta, event);
  std::string_view text;
  if (object["time"].get_string().get(text) == simdjson::SUCCESS) set_time(text, event);
  if (object["hostname"].get_string().get(text) == simdjson::SUCCESS) event.host.assign(text);

  std::string_view last_string;
  bool has_string = false;
  for (int i = 0;; ++i) {
    simdjson::dom::element arg;
    if (object[fmt::format("{}", i)].get(arg) != simdjson::SUCCESS) break;
    simdjson::dom::object fields;
    if (arg.get_object().get(fields) == simdjson::SUCCESS) {
      add_object_fields(fields, event);
    } else if (arg.get_string().get(text) == simdjson::SUCCESS) {
      if (i != 0 || text.size() < 2 || text.front() != '{' || !read_context(text, event)) {
        last_string = text;
        has_string = true;
      }
    } else {
      event.set_field(fmt::format("arg{}", i), json_value_text(arg));
    }
  }
  if (object["message"].get_string().get(text) == simdjson::SUCCESS) {
    event.message.assign(text);
  } else if (has_string) {
    event.message.assign(last_string);
  }
  for (std::string_view key : {"traceId", "spanId", "traceFlags"}) {
    simdjson::dom::element value;
    if (object[key].get(value) == simdjson::SUCCESS) event.set_field(key, json_value_text(value));
  }
  return true;
}

void FileLogReader::read_meta(simdjson::dom::object meta, Event& event) {
  std::string_view text;
  std::int64_t id = 0;
  if (meta["logLevelName"].get_string().get(text) == simdjson::SUCCESS) {
    event.level = level_from_string(text);
  } else if (meta["logLevelId"].get_int64().get(id) == simdjson::SUCCESS) {
    event.level = level_from_id(id);
  }
  if (meta["date"].get_string().get(text) == simdjson::SUCCESS) set_time(text, event);
  if (meta["hostname"].get_string().get(text) == simdjson::SUCCESS) event.host.assign(text);
}

// "0" = {"subsystem":"gateway/ws"} or {"module":"cron","storeKey":...}: the subsystem (the
// module when there is none, as `openclaw logs --plain` shows it) and the rest as fields.
bool FileLogReader::read_context(std::string_view json, Event& event) {
  simdjson::dom::object context;
  if (parse_padded(context_parser_, context_buffer_, json).get_object().get(context) !=
      simdjson::SUCCESS) {
    return false;
  }
  for (auto [key, value] : context) {
    const std::string text = json_value_text(value);
    if (key == "subsystem") {
      event.subsystem = text;
    } else {
      if (key == "module" && event.subsystem.empty()) event.subsystem = text;
      event.set_field(key, text);
    }
  }
  return true;
}

}  // namespace logdx::openclaw
