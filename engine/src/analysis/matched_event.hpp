#pragma once
// What the analyzer keeps of an event that hit a rule: only the members evidence, windows,
// groups and joins need (never the whole Event), and one Hit per (rule, role) that held on it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "logdx/engine/condition_eval.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx::analysis {

// Times are comparable only on one clock: every absolute (utc/local) time shares one; each
// input's monotonic (seconds since boot) times have their own, and so do an input's events
// that have no time at all (nothing to carry forward yet): those keep only their line order.
struct Clock {
  enum class Kind : std::uint8_t { absolute, monotonic, untimed };
  Kind kind = Kind::absolute;
  std::size_t input = 0;  // monotonic / untimed: whose clock

  bool operator==(const Clock&) const = default;
  auto operator<=>(const Clock&) const = default;
};

struct MatchedEvent {
  std::size_t input_index = 0;
  std::string input;
  std::uint64_t line = 0;
  std::uint64_t arrival = 0;  // order of add(), the last tie-breaker
  Timestamp time;             // as the event gave it (may be none)
  std::string time_text;
  Timestamp effective;  // own time, else the last time seen before it in its input
  std::string effective_text;
  Clock clock;
  std::string raw;      // the raw line(s), or the message when the event has no raw text
  std::string message;  // for the timeline, which shows what happened without the envelope
  // FNV-1a of the message: evidence prefers distinct messages, so the same line seen in two
  // envelopes (the console and the JSON file log) does not fill every evidence slot.
  std::uint64_t message_hash = 0;
  std::optional<std::int64_t> pid;
  std::string unit;
  std::string app;
  std::string host;
  // host_key(host) when the run holds more than one host (Matcher::key_hosts), else empty:
  // correlation groups, joins and fingerprints add it, so hosts stay apart only in a fleet.
  std::string host_key;
  std::string process;
  SourceKind source = SourceKind::other;
};

// One condition of one rule that held on a kept event.
struct Hit {
  enum class Role : std::uint8_t { match, step, missing };
  std::uint32_t event = 0;  // index into the kept events
  std::uint32_t rule = 0;   // index into RuleSet::rules()
  Role role = Role::match;
  int step = -1;  // Role::step: which sequence step
  Captures captures;
};

// Sort key of a kept event: clock, time on it, input order, line, arrival.
bool event_before(const MatchedEvent& a, const MatchedEvent& b);

// A capture of the hit, else the event member of that name (unit, app, host, process, pid,
// source, input); empty when neither exists. Used for group_by and join values.
std::string value_of(const Hit& hit, const MatchedEvent& event, const std::string& name);

const std::string* find_capture(const Captures& captures, std::string_view name);

}  // namespace logdx::analysis
