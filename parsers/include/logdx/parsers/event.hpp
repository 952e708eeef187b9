#pragma once
// The event: one log record from any source, normalised. A value type: it owns its strings,
// so it outlives the input buffer it was parsed from.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logdx/parsers/timestamp.hpp"

namespace logdx {

enum class SourceKind : std::uint8_t { gateway, pm2, systemd, kernel, docker, proxy, app, other };
std::string_view to_string(SourceKind kind);
std::optional<SourceKind> source_kind_from_string(std::string_view text);

// Syslog-like severities; `unknown` when the line does not say.
enum class Level : std::uint8_t {
  unknown,
  trace,
  debug,
  info,
  notice,
  warning,
  error,
  critical,
  alert,
  emergency
};
std::string_view to_string(Level level);
// Understands the words logs use: "warn", "WARNING", "err", "ERROR", "fatal", "crit", "E", "I", ...
Level level_from_string(std::string_view text);
// Syslog priority 0..7 (the `<3>` of dmesg -r, PRIORITY= of the journal).
Level level_from_syslog_priority(int priority);

// Where an event came from: the input's display name, the 1-based line of its first physical
// line, the byte offset of that line in the (decompressed) input, and how many lines it spans.
struct SourceLocation {
  std::string input;
  std::uint64_t line = 0;
  std::uint64_t byte_offset = 0;
  std::uint32_t line_count = 1;
};

struct Event {
  Timestamp time;
  std::string time_text;  // the stamp exactly as written (innermost envelope that had one)
  SourceKind source = SourceKind::other;
  std::string host;
  std::string unit;     // systemd unit, or the docker container / compose service
  std::string app;      // PM2 app name
  std::string process;  // process / syslog identifier (node, kernel, openclaw-gateway, nginx)
  std::optional<std::int64_t> pid;
  Level level = Level::unknown;
  std::string subsystem;  // e.g. the gateway's "[ws]", caddy's logger name
  std::string message;    // the text; multi-line records keep their lines joined with '\n'
  std::string parser;     // innermost envelope parser that produced the message
  std::vector<std::string>
      envelopes;  // outermost first: {"journal-short-iso", "docker-compose", ...}
  std::vector<std::pair<std::string, std::string>>
      fields;  // structured extras (stream, exit_code, ...)
  SourceLocation where;
  std::string raw;  // the physical line(s) as written (ANSI and all), for evidence

  // Empties every member but keeps the strings' capacity, so a scratch event can be reused
  // for many parse attempts without allocating.
  void clear();

  // Sets or replaces a structured field.
  void set_field(std::string_view key, std::string_view value);
  // The value of a structured field, or nullopt.
  std::optional<std::string_view> field(std::string_view key) const;
};

}  // namespace logdx
