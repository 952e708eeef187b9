#pragma once
// The JSON objects pm2 writes: `pm2 logs --json` lines and per-app files of `--log-type json`
// apps share the keys {"message","timestamp","type","process_id","app_name"}; `pm2 logs --json`
// adds {"type":"process_event","status":...} lines. One reader for both parsers.

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx::pm2 {

struct Pm2JsonRecord {
  std::optional<std::string_view> message;
  std::string_view timestamp;
  std::string_view type;
  std::string_view app_name;
  std::string_view status;
  std::optional<std::int64_t> process_id;
};

class Pm2JsonReader {
 public:
  // Parses `line` as a pm2 JSON record: an object with a string "type" and at least one of
  // "app_name" / "process_id". The views stay valid until the next call.
  std::optional<Pm2JsonRecord> read(std::string_view line);

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

// Sets time/time_text from pm2's "timestamp" (ISO 8601 from dayjs, or the app's
// log_date_format: "2026-03-05 08:20:25 +00:00", "2026-03-05-08:20:25").
void set_json_time(std::string_view timestamp, Event& event);

}  // namespace logdx::pm2
