#include "shipper/shipper_keys.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "journal/journal_record.hpp"
#include "journal/json_value.hpp"

namespace logdx::shipper {
namespace {

using Keys = std::initializer_list<std::string_view>;

// In order of preference. A dotted name is looked up as written first (some exports flatten
// ECS keys), then as a path of nested objects.
constexpr std::array kTimeKeys{std::string_view("@timestamp"), std::string_view("timestamp"),
                               std::string_view("time"),       std::string_view("ts"),
                               std::string_view("date"),       std::string_view("_time")};
const Keys kMessageKeys{"message", "msg", "log", "MESSAGE", "line", "short_message"};
const Keys kHostKeys{"host.name",       "host.hostname",      "host",
                     "hostname",        "_HOSTNAME",          "labels.host",
                     "labels.hostname", "stream.host",        "stream.hostname",
                     "kubernetes.host", "kubernetes.pod_name"};
const Keys kUnitKeys{"unit",        "systemd_unit", "systemd.unit",
                     "labels.unit", "stream.unit",  "labels.systemd_unit"};
const Keys kAppKeys{"app",        "application", "service.name",        "service",
                    "labels.app", "stream.app",  "labels.service_name", "kubernetes.labels.app"};
const Keys kContainerKeys{"container_name",   "container.name",   "kubernetes.container_name",
                          "labels.container", "stream.container", "docker.container_name"};
const Keys kProcessKeys{"syslog_identifier", "appname", "process.name", "ident", "program"};
const Keys kPidKeys{"pid", "process.pid", "procid"};
const Keys kLevelKeys{"level", "log.level",    "severity",
                      "lvl",   "labels.level", "labels.detected_level"};
// Where structured loggers put the failure beside a generic message: zap's and logrus'
// "error", log/slog's and go-kit's "err", ECS's error.message.
const Keys kErrorKeys{"error", "err", "error.message"};

// The value at `path`; false when there is none (a default element has no document to read).
bool find_path(simdjson::dom::object object, std::string_view path, simdjson::dom::element& out) {
  if (object[path].get(out) == simdjson::SUCCESS) return true;
  const std::size_t dot = path.find('.');
  if (dot == std::string_view::npos) return false;
  simdjson::dom::object inner;
  if (object[path.substr(0, dot)].get_object().get(inner) != simdjson::SUCCESS) return false;
  return find_path(inner, path.substr(dot + 1), out);
}

// The first key of `keys` whose value is text: a string, or with `numbers` a number written as
// text (a pid, a numeric level).
bool first_text(simdjson::dom::object object, Keys keys, std::string& out, bool numbers = true) {
  for (std::string_view key : keys) {
    simdjson::dom::element value;
    if (!find_path(object, key, value)) continue;
    if (!value.is_string() && !(numbers && value.is_number())) continue;
    if (journal::json_value_text(value, out) && !out.empty()) return true;
  }
  return false;
}

// A Go service logs `"msg":"init remote connection failed","error":"dial tcp: lookup db: no
// such host"`: the message alone says nothing, the cause is in the error key. Rules read the
// message, so the error is appended the way Go wraps one error in another ("msg: err"),
// unless the message already carries it.
void append_error(simdjson::dom::object object, std::string& message, std::string& scratch) {
  if (!first_text(object, kErrorKeys, scratch, false)) return;
  if (message.find(scratch) != std::string::npos) return;
  message.append(": ").append(scratch);
}

void read_time(simdjson::dom::object object, ShipperRecord& record) {
  for (std::string_view key : kTimeKeys) {
    simdjson::dom::element value;
    if (!find_path(object, key, value)) continue;
    double number = 0;
    if (value.is_number() && value.get_double().get(number) == simdjson::SUCCESS) {
      if (const auto t = epoch_time(number)) {
        record.time = *t;
        journal::json_value_text(value, record.time_text);
        return;
      }
      continue;
    }
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) continue;
    if (const auto t = parse_iso8601(text)) {
      record.time = *t;
      record.time_text.assign(text);
      return;
    }
    double from_text = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), from_text);
    if (error == std::errc() && end == text.data() + text.size()) {
      if (const auto t = epoch_time(from_text)) {
        record.time = *t;
        record.time_text.assign(text);
        return;
      }
    }
  }
}

void read_journal_fields(simdjson::dom::object object, ShipperRecord& record,
                         std::string& scratch) {
  for (auto [key, value] : object) {
    if (!journal::is_journal_field_name(key)) continue;
    if (journal::json_value_text(value, scratch)) record.journal_fields.emplace_back(key, scratch);
  }
}

bool has(simdjson::dom::object object, std::string_view key) {
  return object[key].error() == simdjson::SUCCESS;
}

}  // namespace

std::optional<Timestamp> epoch_time(double value) {
  if (!std::isfinite(value) || value <= 0) return std::nullopt;
  // 2200 in seconds is 7.3e9: anything larger is a finer unit.
  double seconds = value;
  TimePrecision precision = TimePrecision::millis;
  if (value > 1e17) {
    seconds = value / 1e9;
    precision = TimePrecision::nanos;
  } else if (value > 1e14) {
    seconds = value / 1e6;
    precision = TimePrecision::micros;
  } else if (value > 1e11) {
    seconds = value / 1e3;
  } else if (std::floor(value) == value) {
    precision = TimePrecision::seconds;
  } else {
    precision = TimePrecision::micros;  // Fluent Bit's `date` is a double of seconds
  }
  if (!plausible_time_seconds(static_cast<std::int64_t>(seconds))) return std::nullopt;
  Timestamp t;
  t.kind = TimeKind::utc;
  t.precision = precision;
  t.nanos = static_cast<std::int64_t>(std::llround(seconds * 1e6)) * 1000;
  if (precision == TimePrecision::nanos) t.nanos = static_cast<std::int64_t>(value);
  return t;
}

bool owned_by_specific_parser(simdjson::dom::object object) {
  bool only_journal_names = true;
  std::size_t keys = 0;
  for (auto [key, value] : object) {
    (void)value;
    ++keys;
    only_journal_names = only_journal_names && journal::is_journal_field_name(key);
  }
  if (only_journal_names) return true;  // journalctl -o json
  const bool docker =
      has(object, "log") && has(object, "time") && keys == 2 + (has(object, "stream") ? 1U : 0U);
  return docker || has(object, "_meta") || (has(object, "type") && has(object, "raw")) ||
         (has(object, "app_name") && has(object, "process_id")) ||
         (has(object, "type") && (has(object, "app_name") || has(object, "process_id"))) ||
         (has(object, "ts") && has(object, "msg") &&
          (has(object, "logger") || has(object, "level")));
}

bool read_record(simdjson::dom::object object, ShipperRecord& record, std::string& scratch) {
  if (!first_text(object, kMessageKeys, record.message, false)) return false;
  append_error(object, record.message, scratch);
  read_time(object, record);
  first_text(object, kHostKeys, record.host);
  first_text(object, kUnitKeys, record.unit);
  first_text(object, kAppKeys, record.app);
  first_text(object, kContainerKeys, record.container);
  first_text(object, kProcessKeys, record.process);
  if (first_text(object, kPidKeys, scratch)) {
    std::int64_t pid = 0;
    const auto [end, error] = std::from_chars(scratch.data(), scratch.data() + scratch.size(), pid);
    if (error == std::errc() && end == scratch.data() + scratch.size() && pid > 0) record.pid = pid;
  }
  if (first_text(object, kLevelKeys, scratch)) record.level = level_from_string(scratch);
  read_journal_fields(object, record, scratch);
  return true;
}

}  // namespace logdx::shipper
