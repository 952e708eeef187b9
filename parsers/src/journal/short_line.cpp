#include "journal/short_line.hpp"

#include "core/line_shape.hpp"
#include "grammar/time.hpp"
#include "journal/journal_meta.hpp"
#include "journal/syslog_tail.hpp"

namespace logdx::journal {
namespace {

bool read_stamp(StampShape shape, int year, std::string_view& in, Timestamp& time,
                std::string_view& text) {
  switch (shape) {
    case StampShape::bsd:
      return grammar::bsd_syslog(in, year, time, text);
    case StampShape::iso: {
      std::string_view probe = in;
      // Both writers always give the 'T' and a UTC offset; insisting on them keeps zone-less
      // console stamps ("2026-02-10 15:05:10 info ...") out.
      if (!grammar::iso8601(probe, time, text) || text.size() < 20 || text[10] != 'T' ||
          time.kind != TimeKind::utc) {
        return false;
      }
      in = probe;
      return true;
    }
    case StampShape::monotonic:
      return grammar::bracket_monotonic(in, time, text);
    case StampShape::unix_time:
      return grammar::unix_seconds(in, time, text);
    case StampShape::weekday:
      return grammar::weekday_iso(in, time, text);
  }
  return false;
}

class ShortLineParser final : public EnvelopeParser {
 public:
  ShortLineParser(const ParserInfo& info, StampShape shape, const ParserOptions& options)
      : info_(info), shape_(shape), year_(options.default_year) {}

  const ParserInfo& info() const override { return info_; }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override {
    const MetaLine meta = classify_meta_line(line, after_entry_);
    if (meta != MetaLine::none) {
      const LineVerdict verdict = apply_meta_line(meta, line, open);
      after_entry_ = verdict == LineVerdict::continuation;
      return verdict;
    }
    after_entry_ = parse_short_line(shape_, year_, line, fresh);
    return after_entry_ ? LineVerdict::record : LineVerdict::no_match;
  }

  // After an entry of ours every "-- " line is catalog text, and a refused line forgets that,
  // so only a parser that is not after an entry may turn a line away unseen.
  bool may_start(std::string_view line) const override {
    return after_entry_ || may_be_meta_line(line) || may_start_short_line(shape_, line);
  }

  StartBytes start_bytes() const override {
    StartBytes start;
    start.add("\xE2-H \t");  // meta lines (journal_meta.hpp)
    switch (shape_) {
      case StampShape::iso:
      case StampShape::unix_time:
        return start.add_digits();
      case StampShape::monotonic:
        return start.add("[");
      case StampShape::bsd:
        // A (localised) month name may start with nearly any byte, but its time of day
        // ("Nov 20 10:00:00") needs a colon.
        return start.add_held(":");
      case StampShape::weekday:
        return start.add_held("-");  // "Tue 2026-02-10 ...": a weekday name, then a date
    }
    return StartBytes::any();
  }

  void reset() override { after_entry_ = false; }

 private:
  const ParserInfo& info_;
  StampShape shape_;
  int year_;
  bool after_entry_ = false;
};

// "2026-02-08T09:38:21.274Z connection stalled: no HELLO ...": a stamped console line whose
// first words only sit where a host and a tag would. The ISO writers of syslog lines print the
// UTC offset as digits (journalctl -o short-iso "+0000", rsyslog RFC 3339 and syslog-ng ISO
// "+00:00"); a 'Z' is JavaScript's toISOString and the loggers of Go and pino. Under such a
// stamp only a tag of syslog's own shape, "name[pid]:" (or the kernel's, which has no pid),
// says host and tag; "word word:" is the message, a word and its colon.
bool is_console_stamp_misread(StampShape shape, std::string_view stamp, const SyslogTail& tail) {
  return shape == StampShape::iso && stamp.ends_with('Z') && !tail.pid && tail.ident != "kernel";
}

}  // namespace

bool may_start_short_line(StampShape shape, std::string_view line) {
  switch (shape) {
    case StampShape::bsd:
      return grammar::may_start_bsd_syslog(line);
    case StampShape::iso:
    case StampShape::unix_time:
      return starts_with_digit(line);
    case StampShape::monotonic:
      return !line.empty() && line.front() == '[';
    case StampShape::weekday:
      return grammar::may_start_weekday_iso(line);
  }
  return true;
}

bool parse_short_line(StampShape shape, int default_year, std::string_view line, Event& event) {
  std::string_view rest = line;
  std::string_view stamp_text;
  Timestamp time;
  if (!read_stamp(shape, default_year, rest, time, stamp_text)) return false;
  SyslogTail tail;
  if (!parse_syslog_tail(rest, tail)) return false;
  if (is_console_stamp_misread(shape, stamp_text, tail)) return false;
  // "[ secs] Hardware name: QEMU ..." is dmesg text, not "host ident: msg"; the journal
  // prints a [pid] for every entry that has one, which is all but the kernel's.
  if (shape == StampShape::monotonic && !tail.pid && tail.ident != "kernel") return false;
  // Without a host, "[ secs] node[42]: segfault at 0 ..." is dmesg's own text.
  if (shape == StampShape::monotonic && tail.host.empty()) return false;
  event.time = time;
  event.time_text.assign(stamp_text);
  fill_from_tail(tail, shape == StampShape::weekday, event);
  return true;
}

std::unique_ptr<EnvelopeParser> make_short_parser(const ParserInfo& info, StampShape shape,
                                                  const ParserOptions& options) {
  return std::make_unique<ShortLineParser>(info, shape, options);
}

}  // namespace logdx::journal
