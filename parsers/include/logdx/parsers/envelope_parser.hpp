#pragma once
// An envelope parser reads the wrapper one log format puts around a message (a journal
// prefix, a PM2 prefix, a JSON object) one physical line at a time and fills an Event.
// One instance reads one input, so a parser may keep state across lines (multi-line JSON,
// journal export records); instances come from ParserRegistry::create.

#include <bitset>
#include <functional>
#include <memory>
#include <string_view>

#include "logdx/parsers/event.hpp"

namespace logdx {

enum class LineVerdict : std::uint8_t {
  record,        // a new record starts on this line; the parser filled the (fresh) event
  continuation,  // the line belongs to the open record, which the parser updated
  skip,          // a line of this format that carries no event (a header, journal catalog text)
  no_match,      // not this format
};

struct ParserInfo {
  std::string_view name;                  // stable id used by --parser and in `parse` output
  std::string_view description;           // one line for `logdx detect`
  SourceKind source = SourceKind::other;  // the source kind its events get unless a field says
  // Tie-break between parsers that claim the same lines: the more specific grammar wins
  // (plain text 0, generic JSON 10, formats with a distinctive prefix 50+).
  int specificity = 50;
  // Whether this format also appears inside another envelope's message and should be
  // tried when peeling (docker compose prefix inside a journal line, Caddy JSON in docker).
  bool peelable = false;
};

// What a parser needs to know about the input it reads.
struct ParserOptions {
  int default_year =
      1970;  // for stamps that carry no year (syslog): the file's mtime year or --year
};

// The lines a parser's may_start() can pass in its reset state: those whose first byte is in
// `first`, and those that hold a byte of `held` anywhere (a JSON format's '{', a service
// prefix's '|', the ':' of every clock time). The peelers, whose parsers are always in that
// state when asked, index a table by these, so a line is offered only to the few parsers that
// can take it (most formats cannot start with a prose letter, and a format led by a localised
// month name still needs the colon of its time).
struct StartBytes {
  std::bitset<256> first;
  std::bitset<256> held;

  static StartBytes any() {
    StartBytes all;
    all.first.set();
    return all;
  }
  StartBytes& add(std::string_view bytes) {
    for (const char c : bytes) first.set(static_cast<unsigned char>(c));
    return *this;
  }
  StartBytes& add_digits() { return add("0123456789"); }
  StartBytes& add_held(std::string_view bytes) {
    for (const char c : bytes) held.set(static_cast<unsigned char>(c));
    return *this;
  }
  // Whether may_start may pass `line` (an empty line: always asked).
  bool admits(std::string_view line) const {
    if (line.empty() || first.test(static_cast<unsigned char>(line.front()))) return true;
    if (held.none()) return false;
    for (const char c : line) {
      if (held.test(static_cast<unsigned char>(c))) return true;
    }
    return false;
  }
};

class EnvelopeParser {
 public:
  virtual ~EnvelopeParser() = default;
  virtual const ParserInfo& info() const = 0;

  // Reads one physical line, without its terminator and with paste noise already removed.
  //  - `record`: the parser filled `fresh` (which arrives reset, with input and location set).
  //  - `continuation`: the line extends `*open`, the open record, which the parser updated
  //    (only possible when `open` is not null).
  //  - `skip` / `no_match`: neither event may be relied on to be unchanged for `fresh`; `*open`
  //    must not be touched.
  virtual LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) = 0;

  // A cheap necessary condition, checked before parse_line on the lines other parsers were
  // offered first (the per-line fallback, the peelers): false only when parse_line(line,
  // fresh, nullptr) would say no_match and leave the parser's state as it is. Most lines of an
  // input are not this format's, and most formats can tell that from a byte or two; a parser
  // in the middle of a multi-line record says true. The default always says true.
  virtual bool may_start(std::string_view line) const {
    (void)line;
    return true;
  }

  // The first bytes may_start() can pass in the reset state (see StartBytes): a superset is
  // always right; the default, every byte, asks may_start() of every line.
  virtual StartBytes start_bytes() const { return StartBytes::any(); }

  // Forget any per-input state (called when detection scoring is done, before real parsing).
  virtual void reset() {}
};

// A function, not a plain pointer, so that a format declared as data (line_format.hpp) can
// keep its compiled pattern alive in the factory.
using ParserFactory = std::function<std::unique_ptr<EnvelopeParser>(const ParserOptions&)>;

}  // namespace logdx
