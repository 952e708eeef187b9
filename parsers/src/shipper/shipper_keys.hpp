#pragma once
// Where shippers put a line's time, message, host and names: the common key names of Vector,
// Fluent Bit, Loki (labels / stream), Elasticsearch (ECS: host.name, @timestamp) and the
// journal's own fields passed through, looked up in one order of preference.

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logdx/parsers/event.hpp"

namespace logdx::shipper {

struct ShipperRecord {
  Timestamp time;
  std::string time_text;
  std::string message;
  std::string host;
  std::string unit;
  std::string app;
  std::string container;
  std::string process;
  std::optional<std::int64_t> pid;
  Level level = Level::unknown;
  // Upper-case journal fields (_SYSTEMD_UNIT, SYSLOG_IDENTIFIER, _PID, PRIORITY, ...).
  std::vector<std::pair<std::string, std::string>> journal_fields;
};

// Reads the record's keys; false when the object has no message under any known name (the
// object is then not a log line this parser can read).
bool read_record(simdjson::dom::object object, ShipperRecord& record, std::string& scratch);

// Whether a more specific parser owns lines of this shape: journalctl's JSON (only journal
// field names), docker's json-file ({log, stream, time} alone), the gateway's file log (_meta),
// `openclaw logs --json` (type and raw), PM2's JSON (app_name with process_id, or either with
// type) and Caddy's (zap's ts and msg, with logger or level).
bool owned_by_specific_parser(simdjson::dom::object object);

// Seconds, milliseconds, microseconds or nanoseconds since the epoch (told apart by size, as
// shippers write all four) to a UTC time; nullopt when implausible.
std::optional<Timestamp> epoch_time(double value);

}  // namespace logdx::shipper
