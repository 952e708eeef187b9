#include "pm2/pm2_json_record.hpp"

#include "grammar/time.hpp"

namespace logdx::pm2 {

std::optional<Pm2JsonRecord> Pm2JsonReader::read(std::string_view line) {
  const auto start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] != '{') return std::nullopt;
  // A reused buffer with simdjson's padding instead of a fresh padded_string per line.
  buffer_.assign(line);
  buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::dom::element doc;
  if (parser_.parse(buffer_.data(), line.size(), false).get(doc)) return std::nullopt;
  simdjson::dom::object object;
  if (doc.get(object)) return std::nullopt;
  Pm2JsonRecord record;
  if (object["type"].get(record.type)) return std::nullopt;
  const bool has_app = !object["app_name"].get(record.app_name);
  std::int64_t id = 0;
  if (!object["process_id"].get(id)) record.process_id = id;
  if (!has_app && !record.process_id) return std::nullopt;
  std::string_view text;
  if (!object["message"].get(text)) record.message = text;
  if (object["timestamp"].get(record.timestamp)) record.timestamp = {};
  if (object["status"].get(record.status)) record.status = {};
  return record;
}

void set_json_time(std::string_view timestamp, Event& event) {
  std::string_view rest = timestamp;
  std::string_view text;
  Timestamp time;
  if ((grammar::iso8601(rest, time, text) || grammar::pm2_dash(rest, time, text)) && rest.empty()) {
    event.time = time;
    event.time_text.assign(timestamp);
  }
}

}  // namespace logdx::pm2
