#pragma once
// The journal's own fields (MESSAGE, _PID, _SYSTEMD_UNIT, __REALTIME_TIMESTAMP, ...) collected
// for one entry, whatever the output mode carried them (json, json-pretty, export, verbose),
// and turned into an Event the same way for all of them.

#include <string>
#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"

namespace logdx::journal {

class JournalRecord {
 public:
  // Forgets the previous entry.
  void clear();
  // Records one field; returns whether it is one the Event is built from (others are ignored).
  bool set(std::string_view key, std::string_view value);
  // For -o verbose: the entry header gives the time as text, which wins over the fields.
  void set_header_time(const Timestamp& time, std::string_view text);
  void set_cursor(std::string_view cursor) { cursor_.assign(cursor); }
  bool has_message() const { return has_message_; }
  bool empty() const { return !has_message_ && realtime_.empty() && cursor_.empty(); }

  // Fills `event` from the fields seen so far (idempotent: called again as fields arrive).
  void apply(Event& event) const;

 private:
  void apply_time(Event& event) const;
  void apply_identity(Event& event) const;
  void apply_fields(Event& event) const;

  std::string message_, ident_, comm_, pid_, syslog_pid_, host_, priority_, transport_;
  std::string unit_, user_unit_, subject_unit_, subject_user_unit_;
  std::string realtime_, source_realtime_, monotonic_, cursor_, boot_id_, message_id_;
  std::string unit_result_, exit_code_, exit_status_, cmdline_;
  Timestamp header_time_;
  std::string header_time_text_;
  bool has_message_ = false;
};

// Hands the entry to the reader: a new record (`starts`, or no open record to extend) fills
// `fresh`; otherwise the open record is updated in place (continuation).
LineVerdict emit_record(const JournalRecord& record, bool starts, Event& fresh, Event* open);

// True for a journal field name: upper-case letters, digits and '_', not starting with a digit.
bool is_journal_field_name(std::string_view key);

}  // namespace logdx::journal
