#pragma once
// What openclaw's CLI commands print (gateway status/probe/call, health, doctor, config
// validate/set, logs on failure), as recognisable line shapes. Used by openclaw-cli, which must
// not claim arbitrary text: only these shapes count.

#include <string_view>

#include "logdx/parsers/envelope_parser.hpp"
#include "logdx/parsers/event.hpp"

namespace logdx::openclaw {

enum class ClackLine : std::uint8_t {
  none,  // not clack decoration
  rule,  // "│", "├────╯", "└", a title bar "◇  Title ───╮", "┌  OpenClaw doctor": no event
  opens,    // a box title "◇  Config ───╮": what follows is box content
  closes,   // "├────╯" / "╰────╯": the box ends
  content,  // "│  text  │", "▲  text" or "└  Doctor complete." (closes): text given
};

struct ClackResult {
  ClackLine kind = ClackLine::none;
  std::string_view text;
  std::string_view mark;  // "▲" / "■" / ... for a clack log line ("▲  text"), else empty
  bool closes_box = false;
};

// The level a clack log line's mark stands for (▲ warning, ■ error), else unknown.
Level clack_mark_level(std::string_view mark);

// Reads @clack/prompts decoration (openclaw doctor).
ClackResult read_clack(std::string_view line);

// How strongly a line is known as openclaw CLI output.
enum class CliMatch : std::uint8_t {
  none,
  strong,   // a shape only openclaw prints ("Probe target: ws://", "[openclaw] ", ...)
  context,  // a generic key ("Agents:", "Source:") or a section title: openclaw's only when the
            // input already showed openclaw CLI output
  title,    // a section title line ("Overview", "Gateway Status"): no event
};

// Classifies an unindented line and fills `event` (message, subsystem, level, fields) for
// strong/context matches.
CliMatch read_cli_line(std::string_view line, Event& event);
// The lines openclaw prints under a header of one report, flush left, which belong to it.
enum class FollowLines : std::uint8_t {
  none,
  config_issues,  // "Config invalid at PATH:" + "- gateway.port: ...", "× <root>: ...", "File:"
  service_hints,  // "Gateway service not loaded." + "Start with: ...", "Tip: ..."
};
// What may follow a record whose message is `message`.
FollowLines follow_lines_of(std::string_view message);
// Whether `line` (trimmed) is such a line.
bool follows(FollowLines kind, std::string_view line);
// False only when read_cli_line says `none` for this (trimmed) line: one table lookup of its
// first two bytes, so prose lines cost nothing more.
bool may_be_cli_line(std::string_view line);
// The first bytes may_be_cli_line can pass.
StartBytes cli_line_start_bytes();

}  // namespace logdx::openclaw
