#pragma once
// What the analyzer keeps of an event that hit a rule: only the members evidence, windows,
// groups and joins need (never the whole Event), and one Hit per (rule, role) that held on it.
// Kept events and hits are what grows with the share of failing lines, so both are compact.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/exit_signs.hpp"
#include "analysis/packed_captures.hpp"
#include "analysis/raw_store.hpp"
#include "logdx/engine/condition_eval.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx::analysis {

// Times are comparable only on one clock: every absolute (utc/local) time shares one; each
// input's monotonic (seconds since boot) times have their own, and so do an input's events
// that have no time at all (nothing to carry forward yet): those keep only their line order.
struct Clock {
  enum class Kind : std::uint8_t { absolute, monotonic, untimed };
  Kind kind = Kind::absolute;
  std::uint32_t input = 0;  // monotonic / untimed: whose clock

  bool operator==(const Clock&) const = default;
  auto operator<=>(const Clock&) const = default;
};

// Who wrote a kept event, as its envelope said. Shared by the kept events that name the same
// (one process writes most of a failure's lines): four strings each were a fifth of a kept
// event.
struct Origin {
  std::string unit;
  std::string app;
  std::string host;
  std::string process;

  bool operator==(const Origin&) const = default;
};

// Compact (under 170 bytes, three to a block of the kept deque): a 10 %-failing log keeps tens
// of thousands of them.
struct MatchedEvent {
  // The input's name, shared by every kept event of that input (a path per kept line was a
  // tenth of the kept memory on a log full of failures).
  std::shared_ptr<const std::string> input_name;
  std::uint64_t line = 0;
  std::uint64_t arrival = 0;  // order of add(), the last tie-breaker
  Timestamp effective;        // own time, else the last time seen before it in its input
  // FNV-1a of the message: evidence prefers distinct messages, so the same line seen in two
  // envelopes (the console and the JSON file log) does not fill every evidence slot.
  std::uint64_t message_hash = 0;
  std::optional<std::int64_t> pid;
  std::shared_ptr<const Origin> origin;  // unit, app, host, process (never null once kept)
  std::uint32_t input_index = 0;
  Clock clock;
  SourceKind source = SourceKind::other;
  // What its text says of a process's exit, read once when kept: folding asks it of every
  // line of a finding and of its neighbours, whose text is otherwise never read again.
  ExitSigns exits;

  // The time as the event gave it (may be none): `effective` when it had its own.
  Timestamp time() const;
  void set_time(const Timestamp& own);
  // host_key(host) when the run holds more than one host (Matcher::key_hosts), else empty:
  // correlation groups, joins and fingerprints add it, so hosts stay apart only in a fleet.
  std::string host_key() const;
  void key_host() { keyed_host_ = true; }

  const std::string& input() const { return *input_name; }
  const std::string& unit() const { return origin->unit; }
  const std::string& app() const { return origin->app; }
  const std::string& host() const { return origin->host; }
  const std::string& process() const { return origin->process; }
  // The raw line(s), or the message when the event had no raw text: a copy read from the
  // store (kept compressed), so read it once where it is needed.
  std::string raw() const { return store_->text(raw_); }
  std::size_t raw_size() const { return raw_.size; }
  // For the timeline, which shows what happened without the envelope.
  std::string message() const { return std::string(message_in(raw())); }
  // The message within `raw`, which must be this event's raw().
  std::string_view message_in(const std::string& raw) const;
  // The stamp of `effective`, as written (kept in the store with the raw text).
  std::string effective_text() const { return store_->text(effective_text_); }
  // The stamp as the event wrote it: effective_text when the event had its own time.
  std::string time_text() const;

  // Keeps `raw_text` (the message when empty) in `store` and the message: as a part of raw
  // when it is one (the usual case: the envelope around it), so the text is not held twice.
  void set_text(RawStore& store, const std::string& raw_text, const std::string& message_text);
  // After the store's blocks moved into `store` (RawStore::append) by `block_offset`.
  void move_text(const RawStore& store, std::uint32_t block_offset);
  // The stamp of `effective` and the stamp as written (held again only when it differs).
  void set_time_texts(RawStore& store, const std::string& effective_text,
                      const std::string& time_text);

 private:
  static constexpr std::uint32_t kOwn = 0xffffffff;
  const RawStore* store_ = nullptr;  // the Matcher's, which outlives its kept events
  RawRef raw_;
  RawRef effective_text_;
  std::uint32_t message_at_ = kOwn;  // where the message starts in raw, kOwn: own_message_
  std::uint32_t message_size_ = 0;
  bool time_text_is_effective_ = false;  // else the stamp is one of `apart_`
  bool keyed_host_ = false;
  bool time_is_effective_ = false;  // else the time is none, or one of `apart_`
  // What is seldom kept at all, so costs a pointer when it is not: a message that is not a
  // part of raw, a stamp other than effective_text (a carried time, one that did not parse).
  struct Apart {
    std::string message;
    std::string time_text;
    Timestamp time;
  };
  std::unique_ptr<Apart> apart_;
  Apart& apart();
};

// One condition of one rule that held on a kept event.
struct Hit {
  enum class Role : std::uint8_t { match, step, missing };
  std::uint32_t event = 0;  // index into the kept events
  std::uint32_t rule = 0;   // index into RuleSet::rules()
  Role role = Role::match;
  int step = -1;  // Role::step: which sequence step
  PackedCaptures captures;
};

// The kept events, in the order they were kept. A deque: it grows by blocks without moving
// what it holds, where a vector's doubling held the old and the new array at once (a third of
// the peak memory on a log full of failures), and it leaves no unused half behind.
using KeptEvents = std::deque<MatchedEvent>;
// The kept hits (indexes into it name a hit), a deque for the same reason.
using KeptHits = std::deque<Hit>;

// Sort key of a kept event: clock, time on it, input order, line, arrival.
bool event_before(const MatchedEvent& a, const MatchedEvent& b);

// A capture of the hit, else the event member of that name (unit, app, host, process, pid,
// source, input); empty when neither exists. Used for group_by and join values.
std::string value_of(const Hit& hit, const MatchedEvent& event, const std::string& name);

const std::string* find_capture(const Captures& captures, std::string_view name);

}  // namespace logdx::analysis
