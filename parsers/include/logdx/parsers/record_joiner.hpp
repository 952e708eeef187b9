#pragma once
// Joins events that are really one multi-line record, across every envelope format: Node
// stack traces and `{ ... }` error objects, the Node crash preamble ("file:line", source,
// caret, error, frames, "Node.js vX"), the V8 "FATAL ERROR ... heap out of memory" block, the
// kernel OOM report (from "invoked oom-killer" to "oom_reaper"), npm's error block and
// `kubectl describe pod`'s container and Events sections, and lines a terminal, an editor
// or an issue body wrapped (a bare line that reads as the rest of a cut message).
// A line only joins the record before it when both come from the same stream (same source,
// host, unit, app, pid) and the line carries no time of its own or the same time.

#include <functional>
#include <optional>

#include "logdx/parsers/event.hpp"

namespace logdx {

class RecordJoiner {
 public:
  using Sink = std::function<void(Event&&)>;

  struct Limits {
    std::uint32_t max_lines = 2000;      // a record never grows beyond this many lines
    std::size_t max_bytes = 256 * 1024;  // ... or this many message bytes
  };

  explicit RecordJoiner(Sink sink) : RecordJoiner(std::move(sink), Limits{}) {}
  RecordJoiner(Sink sink, Limits limits) : sink_(std::move(sink)), limits_(limits) {}

  // Offers the next event in input order. `fallback_plain` says no envelope parser claimed the
  // line (it is bare text), which makes it a candidate for a terminal-wrapped continuation.
  void push(Event&& event, bool fallback_plain);
  // Emits the pending record (end of input).
  void flush();

 private:
  enum class Block {
    none,
    node_crash,
    v8_oom,
    kernel_oom,
    kernel_oom_tail,  // a report cut above its one-line summary: the kill lines that follow
    brace_object,
    object_tail,
    bun_report,        // bun.report's header, until the reason under it
    npm_error,         // npm's "npm ERR! code X" / "syscall" / "path" block (core/tool_blocks)
    kubectl_describe,  // `kubectl describe pod`'s container and Events sections
    stack
  };

  bool continues(const Event& next, bool fallback_plain) const;
  // A stack frame, or inside an error's stack also one pasted flush left.
  bool is_frame_here(std::string_view m) const;
  bool same_stream(const Event& next, bool fallback_plain) const;
  // A "- item" under a bare line that ends with ':', Node's "Require stack:" in an error, or a
  // line of the gateway's runtime guard ("Detected: node ...") under its first.
  bool continues_list(const Event& next, bool fallback_plain) const;
  // An indented line going on with the pending bare record's message (libpq, node 22).
  bool continues_indented(std::string_view next) const;
  // A bare line right after a full-width one: the terminal wrapped the pending line there.
  bool wrapped_here(const Event& next, bool fallback_plain) const;
  void append(Event&& next, std::string_view separator);  // extend, then advance the block
  void extend(const Event& next, std::string_view separator);
  bool within_limits() const;  // the pending record may still grow
  void start(Event&& event);
  static Block block_opened_by(std::string_view message);
  std::size_t pending_width() const;       // display width of the pending record's last line
  std::size_t printed_width() const;       // ... as the terminal printed it (Markdown aside)
  bool pending_at_terminal_width() const;  // that width is a terminal's (wrap::is_terminal_width)

  Sink sink_;
  Limits limits_;
  Event pending_;  // the record being joined, when has_pending_; kept for its buffers otherwise
  bool has_pending_ = false;
  Block block_ = Block::none;
  int brace_depth_ = 0;
  bool crash_confirmed_ = false;  // a node_crash block saw the caret under the source line
  bool pending_plain_ = false;    // the pending record had no envelope of its own
  bool list_open_ = false;  // the pending bare record's last line ends with ':' or is a "- " item
  bool indented_message_ = false;  // the pending record took an indented line of its message
  mutable std::optional<std::size_t> width_;  // pending_width(), until the raw text grows
};

}  // namespace logdx
