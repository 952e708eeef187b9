#include "logdx/parsers/record_joiner.hpp"

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "core/ascii.hpp"
#include "core/soft_wrap.hpp"
#include "core/tool_blocks.hpp"

namespace logdx {
namespace {

// Forced inline: this unit's checks run on every record, and once it grew GCC called these
// (and so memcmp and memchr with lengths it could not see) from block_opened_by and continues.
[[gnu::always_inline]] inline bool starts_with(std::string_view s, std::string_view p) {
  return has_prefix(s, p);
}
[[gnu::always_inline]] inline bool contains(std::string_view s, std::string_view p) {
  return holds_text(s, p);
}

std::string_view last_line(std::string_view text) {
  // memrchr: string_view::rfind walks back byte by byte, and most records are one line.
  const void* nl = text.empty() ? nullptr : ::memrchr(text.data(), '\n', text.size());
  if (nl == nullptr) return text;
  return text.substr(static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1);
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_ascii_digit(c)) return false;
  }
  return true;
}

// "events.js", "_stream_readable.js", "internal/modules/cjs/loader.js": a file of Node's own
// lib as node 0.10-14 name it where an error is thrown ("events.js:72" above "throw er; //
// Unhandled 'error' event"); node 15+ write "node:events". A user's script is always named by
// its absolute path.
bool is_core_module_file(std::string_view where) {
  if (!where.ends_with(".js") || where.size() == 3 || where.front() == '/') return false;
  for (const char c : where.substr(0, where.size() - 3)) {
    if (!((c >= 'a' && c <= 'z') || c == '_' || c == '/')) return false;
  }
  return true;
}

// "node:events:502", "/home/x/app.js:2", "file:///x/y.mjs:12", "C:\x\y.js:3": where Node
// says an uncaught error was thrown; a crash report follows until "Node.js vX". A paste
// indented as a whole (a space or a tab before every line) indents this line too.
bool is_node_location_line(std::string_view m) {
  m = trim_blanks_right(trim_blanks_left(m));
  if (m.empty() || !is_ascii_digit(m.back())) return false;  // before looking back for the colon
  const auto colon = m.rfind(':');
  if (colon == std::string_view::npos || !is_digits(m.substr(colon + 1))) return false;
  const std::string_view where = m.substr(0, colon);
  if (where.find(' ') != std::string_view::npos || where.empty()) return false;
  return starts_with(where, "node:") || where.front() == '/' || starts_with(where, "file://") ||
         is_core_module_file(where) ||
         (where.size() > 2 && std::isalpha(static_cast<unsigned char>(where[0])) &&
          where[1] == ':' && where[2] == '\\');
}

// "Bun v1.1.29 ([`6d43b36`](<https://github.com/oven-sh/bun/tree/...>)) on windows x86_64
// [RunCommand]": the header bun.report renders at the top of a crash filed from Bun's crash
// handler (the oven-sh/bun issue form's "Stack Trace (bun.report)"); a blank line, then the
// reason ("Segmentation fault at address 0x...", "**panic**: reached unreachable code").
bool is_bun_report_header(std::string_view m) {
  m = trim_blanks_right(m);
  return starts_with(m, "Bun v") && m.size() > 5 && is_ascii_digit(m[5]) && m.ends_with("]") &&
         contains(m, ") on ");
}

// What the kernel prints after an OOM report's one-line summary (linux 4.19+ mm/oom_kill.c:
// dump_oom_summary ends dump_header, then __oom_kill_process "%s: Killed process %d (%s) ..."
// with "Out of memory" or "Memory cgroup out of memory", then the reaper's line).
bool is_kernel_kill_line(std::string_view m) {
  const std::string_view t = trim_blanks_left(m);
  return starts_with(t, "Out of memory") || starts_with(t, "Memory cgroup out of memory") ||
         starts_with(t, "oom_reaper: ");
}

// "- ./api", "  - /srv/app/index.js": an item of a list a bare line ending with ':' opened
// (strapi 3's "Missing required folders:", Node's "Require stack:").
bool is_list_item(std::string_view m) { return starts_with(trim_blanks_left(m), "- "); }

// (The message's end is its last line's end: no line needs finding.)
// The gateway's refusal of its runtime, one runtime.error of five lines (clawdbot 2026.1.24
// dist/infra/runtime-guard.js assertSupportedRuntime): "X requires Node >=V.", "Detected: node V
// (exec: P).", "PATH searched: ...", "Install Node: https://...", "Upgrade Node and re-run X.".
// Read from the following line (its first byte rules out nearly every line), then the header.
bool continues_runtime_guard(std::string_view pending, std::string_view next) {
  if (next.empty() ||
      (next.front() != 'D' && next.front() != 'P' && next.front() != 'I' && next.front() != 'U')) {
    return false;
  }
  if (!starts_with(next, "Detected: ") && !starts_with(next, "PATH searched: ") &&
      !starts_with(next, "Install Node: ") && !starts_with(next, "Upgrade Node and re-run ")) {
    return false;
  }
  const std::size_t at = pending.find(" requires Node >=");
  return at != std::string_view::npos && at <= 8 && pending.find(' ') == at;
}

// A console's text in another code page read back as UTF-8 (cmd.exe's "'npx' 不是内部或外部命令..."
// in GBK, captured by an MCP client or an IDE panel): the words become runs of U+FFFD, and an
// app that printed the command's name on a line of its own leaves the garbled rest on the next.
// A bare line that opens with such a run is unreadable alone: it goes on with the record above
// when that record's last line ends with a quoted name ('npx', "node") or is garbled itself.
constexpr std::string_view kReplacementRun = "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD";

bool continues_mojibake(std::string_view pending, std::string_view next) {
  if (!starts_with(trim_blanks_left(next), kReplacementRun)) return false;
  const std::string_view last = trim_blanks_left(trim_blanks_right(last_line(pending)));
  if (last.size() < 3) return false;
  if (last.back() == '\'' || last.back() == '"') return last.front() == last.back();
  return contains(last, kReplacementRun);
}

bool opens_list(std::string_view m) { return trim_blanks_right(m).ends_with(":"); }

// One message a tool printed over several lines, the later ones indented: libpq's "could not
// connect to server: Connection refused\n\tIs the server running on host ..." (fe-connect.c),
// node 22's ERR_REQUIRE_ASYNC_MODULE "...\n  From /x/[eval] \n  Requiring /x/tla.js ".
// The indented line goes on in a sentence (an upper-case word: frames, "- " items and
// "code: 'X'" properties have rules of their own), under a flush-left record that does not
// end with ':' (a person's "I get this:" above an indented log keeps it apart).
bool continues_indented_sentence(std::string_view pending, std::string_view next) {
  if (next.size() < 3 || (next.front() != '\t' && next.substr(0, 2) != "  ")) return false;
  if (pending.empty() || pending.front() == ' ' || pending.front() == '\t') return false;
  const std::string_view t = trim_blanks_left(next);
  if (t.empty() || t.front() < 'A' || t.front() > 'Z') return false;
  return !trim_blanks_right(last_line(pending)).ends_with(":");
}

bool is_stack_frame(std::string_view m) {
  if (m.empty() || (m.front() != ' ' && m.front() != '\t')) return false;
  const std::string_view t = trim_blanks_left(m);
  return starts_with(t, "at ") || starts_with(t, "... ") || starts_with(t, "[cause]:");
}

// "at Name (file.js:12:3)", "at Name [as x] (node:net:1611:16)", "at /app/x.js:4:9",
// "at Error (native)": a frame whose indentation the paste lost (an issue body, a chat). Read
// as one only inside an error's stack: flush left, "at " alone is a sentence too.
bool is_flush_left_frame(std::string_view m) {
  m = trim_blanks_right(m);
  if (!starts_with(m, "at ") || m.size() < 6) return false;
  std::string_view where = m.substr(3);
  if (m.back() == ')') {
    const auto open = m.rfind(" (");
    if (open == std::string_view::npos) return false;
    where = m.substr(open + 2, m.size() - open - 3);
    if (where == "native" || where == "<anonymous>") return true;
  }
  // ends ":line:column"
  const auto column = where.rfind(':');
  if (column == std::string_view::npos || !is_digits(where.substr(column + 1))) return false;
  const auto line = where.rfind(':', column - 1);
  return line != std::string_view::npos && column > line + 1 &&
         is_digits(where.substr(line + 1, column - line - 1));
}

bool is_v8_block_line(std::string_view m) {
  const std::string_view t = trim_blanks_left(m);
  if (t.empty()) return true;
  // "FATAL ERROR: <where> Allocation failed - JavaScript heap out of memory" is one line (node's
  // OOMErrorHandler); a paste that broke it before "Allocation" goes on here.
  if (starts_with(t, "<--- ") || starts_with(t, "FATAL ERROR:") ||
      starts_with(t, "Allocation failed - ") || starts_with(t, "----- Native stack trace") ||
      starts_with(t, "Security context:") || starts_with(t, "==== JS stack trace")) {
    return true;
  }
  // "[30057:0x304a5000]  37 ms: Scavenge ..." GC trace lines.
  if (starts_with(t, "[") && contains(t.substr(0, 24), ":0x")) return true;
  // " 1: 0x931db0  [/usr/local/bin/node]" native frames, "    0: ExitFrame [pc: ...]".
  const auto colon = t.find(": ");
  return colon != std::string_view::npos && is_digits(t.substr(0, colon));
}

// How much an "{ ... }" error object opens or closes on this line (outside quotes).
int brace_delta(std::string_view line) {
  int delta = 0;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '{') {
      ++delta;
    } else if (c == '}') {
      --delta;
    }
  }
  return delta;
}

// "  code: 'EADDRINUSE'," / "  port: 8999": a property line of an error object as Node's
// util.inspect prints it (two-space indent, a bare key, a colon). A paste cut above the object's
// opening line starts with these, and each would otherwise be an event of its own.
bool is_inspect_property(std::string_view line) {
  if (!starts_with(line, "  ")) return false;
  const std::string_view t = trim_blanks_left(line);
  std::size_t key = 0;
  while (key < t.size() && (is_ascii_alnum(t[key]) || t[key] == '_')) {
    ++key;
  }
  return key > 0 && t.substr(key, 2) == ": ";
}

// The object's error code is what names it; a cut object tail opens with it.
bool opens_object_tail(std::string_view line) {
  const std::string_view t = trim_blanks_right(trim_blanks_left(line));
  return is_inspect_property(line) && starts_with(t, "code: '") && t.ends_with("',");
}

// Display width of the line as a terminal would count it: UTF-8 lead bytes, no escapes.
std::size_t display_width(std::string_view raw) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0x1b) {  // skip a CSI sequence
      if (i + 1 < raw.size() && raw[i + 1] == '[') {
        i += 2;
        while (i < raw.size() && !(raw[i] >= 0x40 && raw[i] <= 0x7e)) ++i;
      }
      continue;
    }
    if ((c & 0xc0) != 0x80 && c != '\r') ++width;
  }
  return width;
}

std::int64_t abs64(std::int64_t v) { return v < 0 ? -v : v; }

constexpr std::uint32_t kMaxCrashReportLines = 300;

// The length of a Markdown list marker opening `line` ("- ", "* ", "+ ", "12. ", "3) ", after
// any indentation), 0 when there is none; `kind` gets the bullet, or '1' for a number.
std::size_t list_marker_length(std::string_view line, char& kind) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  const std::size_t start = i;
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+')) {
    kind = line[i++];
  } else {
    while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - start < 4) ++i;
    if (i == start || i - start > 3 || i >= line.size() || (line[i] != '.' && line[i] != ')')) {
      return 0;
    }
    kind = '1';
    ++i;
  }
  return i < line.size() && line[i] == ' ' ? i + 1 : 0;
}

// "1. <row>" then "2. ...", "- <row>" then "- ...": the items of a list the person typed around
// pasted output. An item that happens to be exactly a terminal's width (`systemctl --failed`
// pads its columns to the window) was not cut by the terminal: the next item is its own line.
bool starts_next_list_item(std::string_view pending, std::string_view next) {
  const auto nl = pending.rfind('\n');
  const std::string_view last = nl == std::string_view::npos ? pending : pending.substr(nl + 1);
  char pending_kind = 0;
  char next_kind = 0;
  return list_marker_length(last, pending_kind) > 0 && list_marker_length(next, next_kind) > 0 &&
         pending_kind == next_kind;
}

// "==> " (Render's deploy log), "-----> " (Heroku's buildpack output), "--> ": a line that
// opens with the marker the pending record opened with is the next record of the same log,
// even when the pending line happens to be exactly a terminal's width. Asked only after the
// width check, which rules out nearly every line first. So does the next item of a list.
bool repeats_record_marker(std::string_view pending, std::string_view next) {
  if (starts_next_list_item(pending, next)) return true;
  std::size_t n = 0;
  while (n < pending.size() && (pending[n] == '=' || pending[n] == '-')) ++n;
  if (n < 2 || n + 1 >= pending.size() || pending[n] != '>' || pending[n + 1] != ' ') return false;
  n += 2;
  return next.substr(0, n) == pending.substr(0, n);
}

// "...in certificate chain" then "More details here: ...": a line that happens to be exactly a
// terminal's width, then a line of its own. A terminal cuts a word anywhere, so its wrap joins
// without a blank; but a cut between a lower-case letter and a capitalised word followed by a
// blank ("chain|More ") is two lines that were printed apart (a word's inner capital is
// camelCase, glued to what follows: "set|Timeout(").
bool starts_a_sentence(std::string_view pending, std::string_view next) {
  if (pending.empty() || !(pending.back() >= 'a' && pending.back() <= 'z')) return false;
  if (next.size() < 3 || !(next[0] >= 'A' && next[0] <= 'Z')) return false;
  std::size_t i = 1;
  while (i < next.size() && next[i] >= 'a' && next[i] <= 'z') ++i;
  return i >= 2 && i < next.size() && next[i] == ' ';
}

}  // namespace

RecordJoiner::Block RecordJoiner::block_opened_by(std::string_view message) {
  const std::string_view first = trim_blanks_left(message);
  if (is_node_location_line(message)) return Block::node_crash;
  if (starts_with(first, "<--- Last few GCs") || starts_with(first, "<--- JS stacktrace") ||
      starts_with(first, "FATAL ERROR:")) {
    return Block::v8_oom;
  }
  if (contains(message, "invoked oom-killer:")) return Block::kernel_oom;
  if (starts_with(first, "oom-kill:constraint=")) return Block::kernel_oom_tail;
  if (is_bun_report_header(message)) return Block::bun_report;
  if (!tool_block::npm_prefix(message).empty()) return Block::npm_error;
  if (tool_block::opens_kubectl_describe(message)) return Block::kubectl_describe;
  return Block::none;
}

bool RecordJoiner::same_stream(const Event& next, bool fallback_plain) const {
  const Event& p = pending_;
  // A bare line (no envelope at all) inside a file of prefixed lines belongs to its neighbour.
  if (fallback_plain && !next.time.has_value()) return true;
  if (next.source != p.source || next.host != p.host || next.unit != p.unit || next.app != p.app) {
    return false;
  }
  if (next.pid && p.pid && *next.pid != *p.pid) return false;
  if (next.time.has_value() && p.time.has_value()) {
    if (next.time.kind != p.time.kind) return false;
    return abs64(next.time.nanos - p.time.nanos) <= 1'000'000'000;
  }
  return true;
}

bool RecordJoiner::continues_list(const Event& next, bool fallback_plain) const {
  if (!pending_plain_ || !fallback_plain || next.time.has_value()) return false;
  if (list_open_ && is_list_item(next.message)) return true;
  if (continues_indented(next.message)) return true;
  if (continues_runtime_guard(pending_.message, next.message)) return true;
  if (continues_mojibake(pending_.message, next.message)) return true;
  // node 12+ lib/internal/modules/cjs/loader.js: "Cannot find module '${request}'\nRequire
  // stack:\n- ${requireStack.join('\n- ')}" is the error's own message.
  return block_ == Block::stack &&
         trim_blanks_right(trim_blanks_left(next.message)) == "Require stack:";
}

// The first indented line must go on in a sentence; the lines after it at the same indent go on
// with it ("\tIs the server running locally and accepting\n\tconnections on Unix domain ...").
bool RecordJoiner::continues_indented(std::string_view next) const {
  if (block_ != Block::none && block_ != Block::stack) return false;
  if (indented_message_) {
    const std::string_view last = last_line(pending_.message);
    const std::size_t indent = last.size() - trim_blanks_left(last).size();
    return indent > 0 && next.size() > indent && next.substr(0, indent) == last.substr(0, indent) &&
           next[indent] != ' ' && next[indent] != '\t' && !is_stack_frame(next);
  }
  return continues_indented_sentence(pending_.message, next);
}

bool RecordJoiner::continues(const Event& next, bool fallback_plain) const {
  if (!has_pending_ || !same_stream(next, fallback_plain)) return false;
  if (continues_list(next, fallback_plain)) return true;
  const Event& p = pending_;
  if (!within_limits()) return false;
  const std::string_view m = next.message;
  switch (block_) {
    case Block::node_crash:
      // Until "Node.js vX", which append() sees and closes; a location line that was not a
      // crash after all must not swallow the rest of the file.
      // Node prints the source line and a caret under it right after the location: without
      // that caret by the third line, it was not a crash report.
      // npm's error block under a crash its script printed is npm's report, not node's.
      return p.where.line_count < kMaxCrashReportLines &&
             (crash_confirmed_ || p.where.line_count < 3) && tool_block::npm_prefix(m).empty();
    case Block::v8_oom:
      // A Windows console wraps at 80 columns inside the block too ("... heap out of memo" /
      // "ry"): a bare line after a full-width one is the rest of it.
      return is_v8_block_line(m) || wrapped_here(next, fallback_plain);
    case Block::kernel_oom:
      return next.source == SourceKind::kernel;
    case Block::kernel_oom_tail:
      return next.source == SourceKind::kernel && is_kernel_kill_line(m);
    case Block::brace_object:
      return true;
    case Block::object_tail:
      return is_inspect_property(m) || starts_with(trim_blanks_left(m), "}");
    case Block::bun_report:  // the blank lines under the header and the reason after them
      return fallback_plain && !next.time.has_value() && p.where.line_count < 4;
    case Block::npm_error:  // every line of the block carries the prefix its first line has
      return tool_block::npm_prefix(m) == tool_block::npm_prefix(p.message);
    case Block::kubectl_describe:  // a blank line or a person's sentence ends it
      return fallback_plain && !next.time.has_value() && tool_block::continues_kubectl_describe(m);
    case Block::stack:
    case Block::none:
      break;
  }
  if (is_frame_here(m)) return true;
  if (starts_with(m, "Emitted 'error' event") || starts_with(m, "Node.js v")) {
    return block_ == Block::stack;
  }
  return wrapped_here(next, fallback_plain);  // a line the terminal wrapped
}

bool RecordJoiner::is_frame_here(std::string_view m) const {
  return is_stack_frame(m) || (block_ == Block::stack && is_flush_left_frame(m));
}

bool RecordJoiner::wrapped_here(const Event& next, bool fallback_plain) const {
  // A record the paste cleaner took out of the pending line itself (a quoted error, a record
  // glued on) shares that line's number: a terminal wraps a line onto the next one, never
  // onto itself.
  const bool same_line = next.where.line != 0 &&
                         next.where.line == pending_.where.line + pending_.where.line_count - 1;
  return fallback_plain && !next.time.has_value() && !same_line && pending_at_terminal_width() &&
         !repeats_record_marker(pending_.message, next.message) &&
         !starts_a_sentence(pending_.message, next.message);
}

bool RecordJoiner::pending_at_terminal_width() const {
  // A display width never exceeds the byte count, so a short line needs no width counted.
  if (!has_pending_ || last_line(pending_.raw).size() < wrap::kNarrowestTerminal) return false;
  return wrap::is_terminal_width(pending_width());
}

void RecordJoiner::start(Event&& event) {
  // Move-assigned, not constructed: the strings trade buffers with `event`, whose owner hands
  // them on to the next line, so a steady stream of records allocates nothing.
  pending_ = std::move(event);
  has_pending_ = true;
  width_.reset();
  list_open_ = opens_list(pending_.message);
  indented_message_ = false;
  block_ = block_opened_by(pending_.message);
  brace_depth_ = 0;
  crash_confirmed_ = false;
  if (block_ == Block::none && opens_object_tail(pending_.message)) {
    block_ = Block::object_tail;  // cut above "{": joined through its properties and "}"
    return;
  }
  if (block_ == Block::none) {
    const std::string_view m = trim_blanks_left(pending_.message);
    const int delta = contains(m, "Error") ? brace_delta(m) : 0;
    if (delta > 0) {  // "{ Error: listen EADDRINUSE :::3000" (old Node)
      block_ = Block::brace_object;
      brace_depth_ = delta;
      return;
    }
    if (contains(m.substr(0, 80), "Error") || contains(m.substr(0, 80), "Exception")) {
      block_ = Block::stack;
    }
  }
}

void RecordJoiner::extend(const Event& next, std::string_view separator) {
  Event& p = pending_;
  list_open_ = (list_open_ && is_list_item(next.message)) || opens_list(next.message);
  p.message.append(separator).append(next.message);
  p.raw.append("\n").append(next.raw);
  width_.reset();
  p.where.line_count += next.where.line_count;
}

void RecordJoiner::append(Event&& next, std::string_view separator) {
  extend(next, separator);
  const std::string_view m = next.message;
  if (block_ == Block::node_crash && starts_with(trim_blanks_left(m), "Node.js v")) {
    block_ = Block::none;
  } else if (block_ == Block::node_crash) {
    const std::string_view t = trim_blanks_right(trim_blanks_left(m));
    if (!t.empty() && t.find_first_not_of('^') == std::string_view::npos) crash_confirmed_ = true;
  } else if (block_ == Block::kernel_oom || block_ == Block::kernel_oom_tail) {
    if (contains(m, "oom_reaper:")) block_ = Block::none;
  } else if (block_ == Block::bun_report) {
    if (!trim_blanks_left(m).empty())
      block_ = Block::none;  // the reason: the report's head is whole
  } else if (block_ == Block::object_tail) {
    if (starts_with(trim_blanks_left(m), "}")) block_ = Block::stack;
  } else if (block_ == Block::brace_object) {
    brace_depth_ += brace_delta(m);
    if (brace_depth_ <= 0) block_ = Block::stack;
  } else if (block_ == Block::stack || block_ == Block::none) {
    const int delta = brace_delta(m);
    if (delta > 0 && trim_blanks_right(m).ends_with("{")) {
      block_ = Block::brace_object;
      brace_depth_ = delta;
    } else if (block_ == Block::none) {
      block_ = Block::stack;
    }
  }
}

bool RecordJoiner::within_limits() const {
  return pending_.where.line_count < limits_.max_lines &&
         pending_.message.size() < limits_.max_bytes;
}

std::size_t RecordJoiner::pending_width() const {
  // Only asked about bare lines that might be a wrap, so not computed for every record; and
  // once per record (a plain line asks twice: does it continue, was it wrapped).
  if (!has_pending_) return 0;
  if (!width_) width_ = printed_width();
  return *width_;
}

std::size_t RecordJoiner::printed_width() const {
  // The raw line may carry Markdown the person added around what the terminal printed (a
  // backtick opening an inline code span the wrap left unclosed, a "> " quote marker); the
  // paste cleaner took it off a bare line's message. For a one-line bare record that message
  // is the printed text, so its width counts when it, and not the raw line's, is a terminal's.
  const std::size_t raw = display_width(last_line(pending_.raw));
  if (!pending_plain_ || pending_.where.line_count > 1 || wrap::is_terminal_width(raw)) return raw;
  const std::size_t cleaned = display_width(pending_.message);
  return wrap::is_terminal_width(cleaned) ? cleaned : raw;
}

void RecordJoiner::push(Event&& event, bool fallback_plain) {
  const bool blank = trim_blanks_left(event.message).empty() && !event.time.has_value();
  if (has_pending_ && continues(event, fallback_plain)) {
    const bool listed = continues_list(event, fallback_plain);
    if (listed && pending_plain_ && continues_indented(event.message)) indented_message_ = true;
    const bool wrapped =
        listed ? false
        : block_ == Block::none || block_ == Block::stack
            ? (fallback_plain && !is_frame_here(event.message) &&
               !starts_with(event.message, "Emitted") && !starts_with(event.message, "Node.js v") &&
               pending_at_terminal_width() &&
               !repeats_record_marker(pending_.message, event.message))
        : block_ == Block::v8_oom
            ? !is_v8_block_line(event.message) && wrapped_here(event, fallback_plain)
            : false;
    append(std::move(event), wrapped ? "" : "\n");
    return;
  }
  if (has_pending_ && !pending_plain_ && !blank && fallback_plain && !event.time.has_value() &&
      (block_ == Block::none || block_ == Block::stack) && within_limits()) {
    // A bare line that reads as the rest of a cut message: a hard-wrapped paste. Only an
    // enveloped record is known to have been one line; two bare lines may be two messages.
    if (const auto separator =
            wrap::separator(pending_.message, pending_width(), event.message, pending_.raw)) {
      extend(event, *separator);  // the message goes on: no block opens or closes here
      return;
    }
  }
  if (blank && fallback_plain) return;  // an empty line outside a block is not an event
  flush();
  start(std::move(event));
  pending_plain_ = fallback_plain;
}

void RecordJoiner::flush() {
  if (!has_pending_) return;
  has_pending_ = false;
  block_ = Block::none;
  // A crash report may end with blank lines it absorbed: they are not part of the message.
  std::string& message = pending_.message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  // The sink may move the event away; what it leaves is reused by the next record.
  sink_(std::move(pending_));
}

}  // namespace logdx
