#include "journal/journal_record.hpp"

#include <cctype>
#include <charconv>

#include "journal/systemd_message.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::journal {
namespace {

std::optional<std::int64_t> to_int(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

// Microseconds since the epoch, as __REALTIME_TIMESTAMP and _SOURCE_REALTIME_TIMESTAMP give it.
std::optional<Timestamp> from_realtime(std::string_view micros) {
  const auto value = to_int(micros);
  if (!value || *value <= 0 || *value / 1'000'000 > kMaxTimeSeconds) return std::nullopt;
  Timestamp t;
  t.kind = TimeKind::utc;
  t.precision = TimePrecision::micros;
  t.nanos = *value * 1000;
  return t;
}

}  // namespace

bool is_journal_field_name(std::string_view key) {
  if (key.empty() || key.size() > 64 || std::isdigit(static_cast<unsigned char>(key[0])) != 0) {
    return false;
  }
  for (char c : key) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

LineVerdict emit_record(const JournalRecord& record, bool starts, Event& fresh, Event* open) {
  if (starts || open == nullptr) {
    record.apply(fresh);
    return LineVerdict::record;
  }
  record.apply(*open);
  return LineVerdict::continuation;
}

// In place, keeping the strings' capacity: the peelers reset every parser before each attempt,
// so this runs for most lines of an input.
void JournalRecord::clear() {
  for (std::string* s : {&message_,     &ident_,           &comm_,
                         &pid_,         &syslog_pid_,      &host_,
                         &priority_,    &transport_,       &unit_,
                         &user_unit_,   &subject_unit_,    &subject_user_unit_,
                         &realtime_,    &source_realtime_, &monotonic_,
                         &cursor_,      &boot_id_,         &message_id_,
                         &unit_result_, &exit_code_,       &exit_status_,
                         &cmdline_,     &header_time_text_}) {
    s->clear();
  }
  header_time_ = Timestamp{};
  has_message_ = false;
}

bool JournalRecord::set(std::string_view key, std::string_view value) {
  struct Slot {
    std::string_view key;
    std::string JournalRecord::*member;
  };
  static constexpr Slot kSlots[] = {
      {"SYSLOG_IDENTIFIER", &JournalRecord::ident_},
      {"_COMM", &JournalRecord::comm_},
      {"_PID", &JournalRecord::pid_},
      {"SYSLOG_PID", &JournalRecord::syslog_pid_},
      {"_HOSTNAME", &JournalRecord::host_},
      {"PRIORITY", &JournalRecord::priority_},
      {"_TRANSPORT", &JournalRecord::transport_},
      {"_SYSTEMD_UNIT", &JournalRecord::unit_},
      {"_SYSTEMD_USER_UNIT", &JournalRecord::user_unit_},
      {"UNIT", &JournalRecord::subject_unit_},
      {"USER_UNIT", &JournalRecord::subject_user_unit_},
      {"__REALTIME_TIMESTAMP", &JournalRecord::realtime_},
      {"_SOURCE_REALTIME_TIMESTAMP", &JournalRecord::source_realtime_},
      {"__MONOTONIC_TIMESTAMP", &JournalRecord::monotonic_},
      {"__CURSOR", &JournalRecord::cursor_},
      {"_BOOT_ID", &JournalRecord::boot_id_},
      {"MESSAGE_ID", &JournalRecord::message_id_},
      {"UNIT_RESULT", &JournalRecord::unit_result_},
      {"EXIT_CODE", &JournalRecord::exit_code_},
      {"EXIT_STATUS", &JournalRecord::exit_status_},
      {"_CMDLINE", &JournalRecord::cmdline_},
  };
  if (key == "MESSAGE") {
    message_.assign(value);
    has_message_ = true;
    return true;
  }
  for (const auto& slot : kSlots) {
    if (slot.key == key) {
      (this->*slot.member).assign(value);
      return true;
    }
  }
  return false;
}

void JournalRecord::set_header_time(const Timestamp& time, std::string_view text) {
  header_time_ = time;
  header_time_text_.assign(text);
}

void JournalRecord::apply(Event& event) const {
  apply_time(event);
  apply_identity(event);
  apply_fields(event);
  event.message = message_;
  if (const auto priority = to_int(priority_); priority && *priority >= 0 && *priority <= 7) {
    event.level = level_from_syslog_priority(static_cast<int>(*priority));
  }
}

void JournalRecord::apply_time(Event& event) const {
  if (header_time_.has_value()) {
    event.time = header_time_;
    event.time_text = header_time_text_;
    return;
  }
  // journalctl's short modes show the sender's own time when it gave one; so do we, so that
  // the same entry has the same time in every output mode.
  for (const std::string* text : {&source_realtime_, &realtime_}) {
    if (const auto t = from_realtime(*text)) {
      event.time = *t;
      event.time_text = *text;
      return;
    }
  }
}

void JournalRecord::apply_identity(Event& event) const {
  const bool kernel = transport_ == "kernel";
  event.process = kernel ? std::string("kernel") : (!ident_.empty() ? ident_ : comm_);
  event.pid.reset();
  if (const auto pid = to_int(!pid_.empty() ? pid_ : syslog_pid_); pid && *pid > 0) {
    event.pid = pid;
  }
  event.host = host_;
  // A user service runs under user@UID.service; its own unit is _SYSTEMD_USER_UNIT.
  event.unit = !user_unit_.empty() ? user_unit_ : unit_;
  const bool manager = is_manager_process(event.process) || unit_ == "init.scope" ||
                       (unit_.starts_with("user@") && user_unit_ == "init.scope");
  if (manager) {
    // systemd names the unit its message is about in UNIT= / USER_UNIT=.
    std::string_view subject = !subject_user_unit_.empty() ? subject_user_unit_ : subject_unit_;
    if (subject.empty()) subject = systemd_subject_unit(message_);
    if (!subject.empty()) event.unit.assign(subject);
    extract_systemd_fields(message_, event);
    event.set_field("manager", unit_.starts_with("user@") ? "user" : "system");
  }
  if (kernel) {
    event.source = SourceKind::kernel;
  } else {
    const std::string_view classify_as = manager ? std::string_view("systemd") : event.process;
    event.source = classify_source(classify_as, event.unit, SourceKind::app);
  }
}

void JournalRecord::apply_fields(Event& event) const {
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"cursor", &cursor_},          {"transport", &transport_},   {"boot_id", &boot_id_},
      {"monotonic_us", &monotonic_}, {"message_id", &message_id_}, {"result", &unit_result_},
      {"exit_reason", &exit_code_},  {"cmdline", &cmdline_}};
  for (const auto& [name, value] : fields) {
    if (!value->empty()) event.set_field(name, *value);
  }
  // EXIT_CODE=exited + EXIT_STATUS=1 is the numeric exit code; killed/dumped give a signal.
  // The message's own "status=9/KILL" (read earlier) names the signal better than EXIT_STATUS=9.
  if (!exit_status_.empty()) {
    const bool exited = exit_code_ == "exited" || exit_code_.empty();
    const std::string_view name = exited ? "exit_code" : "signal";
    if (!event.field(name)) event.set_field(name, exit_status_);
  }
}

}  // namespace logdx::journal
