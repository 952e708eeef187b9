// The whole reading phase on the corpus: every sample format is detected as its own format and
// yields the expected number of events (multi-line records joined), nested envelopes are
// peeled with the innermost time and the outer context, and a messy paste from a GitHub issue
// is read line by line with the right parser for each part.

#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "logdx/parsers/event_reader.hpp"
#include "logdx/parsers/input_set.hpp"

using namespace logdx;

namespace {

struct ReadResult {
  InputSummary summary;
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> diagnostics;
};

ReadResult read_corpus(const std::string& relative, ReaderOptions options = {}) {
  static const ParserRegistry registry = ParserRegistry::builtin();
  const std::string path = std::string(LOGDX_CORPUS_DIR) + "/" + relative;
  const ResolvedInputs resolved = resolve_inputs({path});
  REQUIRE(resolved.inputs.size() == 1);
  ReadResult r;
  EventReader reader(registry, options);
  r.summary = reader.read(
      resolved.inputs[0], [&r](Event&& e) { r.events.push_back(std::move(e)); }, r.diagnostics);
  return r;
}

const Event* event_at_line(const ReadResult& r, std::uint64_t line) {
  for (const auto& e : r.events) {
    if (e.where.line == line) return &e;
  }
  return nullptr;
}

struct FormatSample {
  const char* file;
  const char* parser;
  std::size_t events;
};

// Winners checked by reading each sample against formats/README.md; event counts are
// records after multi-line joining (e.g. dmesg: 3 lines + one 68-line OOM report = 4).
const FormatSample kFormatSamples[] = {
    {"caddy-console-access.log", "caddy-console", 4},
    {"caddy-console-runtime.log", "caddy-console", 16},
    {"caddy-console.log", "caddy-console", 21},
    {"caddy-json-access.log", "caddy-json", 4},
    {"caddy-json-runtime.log", "caddy-json", 16},
    {"caddy-json.log", "caddy-json", 21},
    {"dmesg-T-ctime.log", "dmesg-ctime", 4},
    {"dmesg-decode-x.log", "dmesg-decode", 4},
    {"dmesg-level-err-warn.log", "dmesg-decode", 2},
    {"dmesg-memcg-oom.log", "dmesg", 4},
    {"dmesg-r-raw-prio.log", "dmesg-raw-prio", 4},
    {"dmesg-raw.log", "dmesg", 4},
    {"docker-compose-logs-timestamps.log", "docker-compose", 15},
    {"docker-compose-logs.log", "docker-compose", 15},
    {"docker-compose-up-tty-ansi.log", "docker-compose", 14},
    {"docker-events.log", "docker-events", 8},
    {"docker-json-file.log", "docker-json-file", 13},
    {"docker-logs-plain.log", "openclaw-console", 13},
    {"docker-logs-timestamps.log", "docker-timestamps", 13},
    {"docker-ps-restarting.log", "docker-ps", 2},
    // plain text, but the OOM killer lines are read as kernel wording (plain_inference), so the
    // report joins into one record as it does in the kernel envelopes
    {"journalctl-cat.log", "plain", 20},
    {"journalctl-export.log", "journal-export", 20},
    {"journalctl-json-pretty.log", "journal-json-pretty", 1},
    {"journalctl-json.log", "journal-json", 20},
    {"journalctl-short-iso-precise.log", "syslog-iso", 20},
    {"journalctl-short-iso.log", "syslog-iso", 20},
    {"journalctl-short-monotonic.log", "journal-monotonic", 20},
    {"journalctl-short-precise.log", "syslog-bsd", 20},
    {"journalctl-short-unix.log", "journal-unix", 20},
    {"journalctl-short.log", "syslog-bsd", 20},
    {"journalctl-verbose.log", "journal-verbose", 4},
    {"journalctl-with-unit.log", "journal-with-unit", 20},
    {"journalctl-x-catalog.log", "syslog-bsd", 20},
    {"kernlog-traditional.log", "syslog-bsd", 4},
    {"nginx-access-combined.log", "nginx-access", 9},
    {"nginx-error.log", "nginx-error", 5},
    {"node-dns-eai-again-v24.log", "plain", 1},
    {"node-dns-eai-again.log", "plain", 1},
    {"node-eaddrinuse-v24.log", "plain", 1},
    {"node-eaddrinuse.log", "plain", 1},
    {"node-heap-oom-v24.log", "plain", 1},
    {"node-heap-oom.log", "plain", 1},
    {"node-uncaught-exception-v24.log", "plain", 1},
    {"node-uncaught-exception.log", "plain", 1},
    {"pm2-app-error-json.log", "pm2-app-json", 33},
    {"pm2-app-error-logdateformat.log", "pm2-app-time", 16},
    {"pm2-app-error-stack.log", "plain", 3},
    {"pm2-app-error-time.log", "pm2-app-time", 8},
    {"pm2-app-error.log", "openclaw-console", 10},
    {"pm2-app-logtype-json.log", "pm2-app-json", 4},
    {"pm2-app-out-json.log", "pm2-app-json", 3},
    {"pm2-app-out-logdateformat.log", "pm2-app-time", 32},
    {"pm2-app-out-time.log", "pm2-app-time", 8},
    {"pm2-app-out.log", "openclaw-console", 20},
    {"pm2-daemon-pm2log-sigabrt.log", "pm2-daemon", 80},
    {"pm2-daemon-pm2log.log", "pm2-daemon", 79},
    {"pm2-logs-format.log", "pm2-format", 20},
    {"pm2-logs-json.log", "pm2-json", 28},
    {"pm2-logs-live.log", "pm2-logs", 19},
    {"pm2-logs-nostream-nocolor.log", "pm2-logs", 35},
    {"pm2-logs-stream-ansi.log", "pm2-logs", 112},
    {"pm2-logs-stream-plain.log", "pm2-logs", 112},
    {"pm2-logs-stream-timestamp-ansi.log", "pm2-logs", 112},
    {"pm2-logs-stream-timestamp-plain.log", "pm2-logs", 112},
    {"pm2-logs-stream.log", "pm2-logs", 21},
    {"pm2-logs-timestamp.log", "pm2-logs", 21},
    {"pm2-logs-tty-ansi.log", "pm2-logs", 16},
    {"pm2-ls.log", "pm2-ls", 2},
    {"syslog-rfc3339.log", "syslog-iso", 12},
    {"syslog-traditional.log", "syslog-bsd", 12},
    {"systemctl-status-active.log", "systemctl-status", 5},
    {"systemctl-status-failed.log", "systemctl-status", 10},
    {"systemctl-status-user-oom.log", "systemctl-status", 7},
};

}  // namespace

TEST_CASE("every sample format is detected as its own format, with its event count", "[corpus]") {
  for (const auto& sample : kFormatSamples) {
    INFO("formats/" << sample.file);
    const ReadResult r = read_corpus(std::string("formats/") + sample.file);
    CHECK(r.summary.parser == sample.parser);
    CHECK(r.events.size() == sample.events);
    CHECK_FALSE(r.summary.failed);
    CHECK_FALSE(r.summary.skipped);
  }
}

TEST_CASE("journal export -> gateway console: inner time and message, outer unit and pid",
          "[corpus]") {
  const ReadResult r = read_corpus("formats/journalctl-export.log");
  const Event* e = event_at_line(r, 37);
  REQUIRE(e != nullptr);
  CHECK(e->envelopes == std::vector<std::string>{"journal-export", "openclaw-console"});
  CHECK(e->parser == "openclaw-console");
  CHECK(format_timestamp(e->time) == "2026-02-10T15:05:12.411Z");
  CHECK(e->unit == "openclaw-gateway.service");
  CHECK(e->pid == 4242);
  CHECK(e->source == SourceKind::gateway);
  CHECK(e->message.starts_with("agent model: anthropic/"));
  CHECK(e->where.line_count == 24);
}

TEST_CASE("docker compose -> Caddy JSON: the proxy's fields under the compose service",
          "[corpus]") {
  const ReadResult r = read_corpus("cases/05-slow-start-docker-in-progress/input.log");
  const Event* e = event_at_line(r, 13);
  REQUIRE(e != nullptr);
  CHECK(e->envelopes == std::vector<std::string>{"docker-compose", "caddy-json"});
  CHECK(e->source == SourceKind::proxy);
  CHECK(e->unit == "caddy-1");
  CHECK(e->subsystem == "http.log.error");
  CHECK(e->message == "dial tcp 172.18.0.2:18789: connect: connection refused");
  CHECK(e->level == Level::error);
  CHECK(e->field("upstream") == std::optional<std::string_view>("172.18.0.2:18789"));
}

TEST_CASE("docker -t -> gateway console: two stamps, the innermost wins", "[corpus]") {
  const ReadResult r =
      read_corpus("cases/42-restart-loop-supervisor-watchdog-healthcheck/input.log");
  std::size_t peeled = 0;
  for (const auto& e : r.events) {
    if (e.envelopes.size() == 2 && e.envelopes[1] == "openclaw-console") {
      ++peeled;
      CHECK(e.time.precision == TimePrecision::millis);  // the gateway's stamp, not docker's ns
      CHECK(e.source == SourceKind::gateway);
    }
  }
  CHECK(peeled > 50);
}

TEST_CASE("multi-line records: Node crash, V8 heap OOM, kernel OOM report, stack traces",
          "[corpus]") {
  const ReadResult crash = read_corpus("formats/node-eaddrinuse.log");
  REQUIRE(crash.events.size() == 1);
  CHECK(crash.events[0].message.starts_with("node:events:502"));
  CHECK(crash.events[0].message.find("code: 'EADDRINUSE'") != std::string::npos);
  CHECK(crash.events[0].message.ends_with("Node.js v20.20.2"));

  const ReadResult heap = read_corpus("formats/node-heap-oom-v24.log");
  REQUIRE(heap.events.size() == 1);
  CHECK(heap.events[0].message.find("JavaScript heap out of memory") != std::string::npos);

  const ReadResult dmesg = read_corpus("formats/dmesg-raw.log");
  REQUIRE(dmesg.events.size() == 4);
  CHECK(dmesg.events[3].where.line_count == 68);
  CHECK(dmesg.events[3].message.starts_with("node invoked oom-killer:"));
  CHECK(dmesg.events[3].message.find("Out of memory: Killed process 4242 (node)") !=
        std::string::npos);
  CHECK(dmesg.events[2].message.starts_with("[UFW BLOCK]"));  // neighbours stay apart

  const ReadResult stacks = read_corpus("formats/pm2-app-error-stack.log");
  REQUIRE(stacks.events.size() == 3);
  for (const auto& e : stacks.events) CHECK(e.where.line_count == 4);
}

TEST_CASE("a messy GitHub-issue paste: fences, prompts, ANSI, CRLF, quotes, frames, mixed formats",
          "[corpus]") {
  const ReadResult r = read_corpus("pastes/github-issue-paste.md");
  CHECK(r.summary.parser == "plain");  // no single format: every line finds its own parser
  struct Expect {
    std::uint64_t line;
    const char* parser;
    SourceKind source;
    const char* message_start;
  };
  const Expect expected[] = {
      {7, "openclaw-console", SourceKind::gateway, "Gateway failed to start: another gateway"},
      {8, "syslog-iso", SourceKind::systemd, "openclaw-gateway.service: Main process exited"},
      {11, "pm2-logs", SourceKind::pm2, "App [openclaw:0] exited with code [1]"},
      {12, "openclaw-console", SourceKind::gateway, "starting..."},
      {17, "dmesg", SourceKind::kernel, "node invoked oom-killer:"},
      {21, "openclaw-cli", SourceKind::gateway, "Gateway: bind=loopback"},
  };
  for (const auto& x : expected) {
    INFO("line " << x.line);
    const Event* e = event_at_line(r, x.line);
    REQUIRE(e != nullptr);
    CHECK(e->parser == x.parser);
    CHECK(e->source == x.source);
    CHECK(e->message.starts_with(x.message_start));
  }
  // The shell prompts (lines 6 and 10) and the fence lines are not events.
  CHECK(event_at_line(r, 6) == nullptr);
  CHECK(event_at_line(r, 10) == nullptr);
  CHECK(event_at_line(r, 5) == nullptr);
  // The raw line keeps what was written (CR removed, ANSI kept) for evidence.
  CHECK(event_at_line(r, 12)->raw.find("\x1b[31m") != std::string::npos);
  // The quoted dmesg pair is one kernel OOM record.
  CHECK(event_at_line(r, 17)->where.line_count == 2);
}

TEST_CASE("syslog stamps without a year take --year, or the file's mtime year", "[corpus]") {
  ReaderOptions options;
  options.year = 2024;
  const ReadResult r = read_corpus("formats/journalctl-short.log", options);
  REQUIRE_FALSE(r.events.empty());
  CHECK(format_timestamp(r.events[0].time).starts_with("2024-"));
  CHECK(r.events[0].time.year_inferred);
}

namespace {

// The events of `text` written to a file whose mtime is `mtime` (seconds since the epoch),
// read with `options`.
std::vector<Event> read_with_mtime(const std::string& text, std::int64_t mtime,
                                   const ReaderOptions& options = {}) {
  const auto dir = std::filesystem::temp_directory_path() / "logdx-stamp-year-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "paste.log";
  std::ofstream(path) << text;
  const timespec times[2] = {{mtime, 0}, {mtime, 0}};
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
  const ResolvedInputs resolved = resolve_inputs({path.string()});
  REQUIRE(resolved.inputs.size() == 1);
  std::vector<Event> events;
  std::vector<ReaderDiagnostic> diagnostics;
  const ParserRegistry registry = ParserRegistry::builtin();
  EventReader(registry, options)
      .read(
          resolved.inputs[0], [&](Event&& e) { events.push_back(std::move(e)); }, diagnostics);
  std::filesystem::remove_all(dir);
  return events;
}

std::vector<Event> read_with_mtime_2026(const std::string& text, const ReaderOptions& options) {
  return read_with_mtime(text, seconds_from_civil(2026, 12, 1, 10, 0, 0), options);
}

}  // namespace

TEST_CASE("yearless stamps take the year of the input's own full-year stamps", "[corpus]") {
  // A 2024 gateway log pasted from a syslog file in 2026: the console line carries its year,
  // the syslog lines around it do not; before the fix they were dated 2026 and the run spanned
  // two years. The first line stands before any full stamp: the sample's first one places it.
  const std::string paste =
      "Mar  5 08:20:24 oc-gw-01 node[2301]: starting gateway\n"
      "2024-03-05T08:20:25.036+00:00 [gateway] listening on ws://127.0.0.1:18789\n"
      "Mar  5 08:20:26 oc-gw-01 systemd[1]: openclaw-gateway.service: Main process exited, "
      "code=exited, status=1/FAILURE\n"
      "2025-01-02T00:00:01.000+00:00 [gateway] listening on ws://127.0.0.1:18789\n"
      "Dec 31 23:59:59 oc-gw-01 systemd[1]: openclaw-gateway.service: Stopped.\n";
  const std::vector<Event> events = read_with_mtime_2026(paste, {});
  REQUIRE(events.size() == 5);
  CHECK(format_timestamp(events[0].time) == "2024-03-05T08:20:24");
  CHECK(format_timestamp(events[2].time) == "2024-03-05T08:20:26");
  CHECK(events[2].time.year_inferred);
  // Nearest the last full stamp: a December line after a January one is the year before.
  CHECK(format_timestamp(events[4].time) == "2024-12-31T23:59:59");
  // --year is what the person said: it stays.
  ReaderOptions given;
  given.year = 2026;
  const std::vector<Event> as_given = read_with_mtime_2026(paste, given);
  REQUIRE(as_given.size() == 5);
  CHECK(format_timestamp(as_given[2].time) == "2026-03-05T08:20:26");
  // No full stamp at all: the mtime's year, as before.
  const std::vector<Event> yearless =
      read_with_mtime_2026("Mar  5 08:20:24 oc-gw-01 node[2301]: starting gateway\n", {});
  REQUIRE(yearless.size() == 1);
  CHECK(format_timestamp(yearless[0].time) == "2026-03-05T08:20:24");
}

TEST_CASE(
    "a forced parser (--parser) is used for every line; lines it refuses still fall back per line",
    "[corpus]") {
  ReaderOptions options;
  options.forced_parser = "syslog-bsd";
  const ReadResult r = read_corpus("formats/nginx-error.log", options);
  CHECK(r.summary.parser == "syslog-bsd");
  CHECK(r.summary.detection.scores.empty());
  REQUIRE(r.events.size() == 5);
  CHECK(r.events[0].parser == "nginx-error");  // the fallback still reads each line right
}

TEST_CASE("a syslog file written in January puts its December lines in the year before",
          "[corpus]") {
  // mtime 2027-01-02T10:00:00Z
  const std::vector<Event> events = read_with_mtime(
      "Dec 31 23:59:58 vm node[1]: last of the old year\n"
      "Jan  1 00:00:01 vm node[1]: first of the new year\n",
      seconds_from_civil(2027, 1, 2, 10, 0, 0));
  REQUIRE(events.size() == 2);
  CHECK(format_timestamp(events[0].time) == "2026-12-31T23:59:58");
  CHECK(format_timestamp(events[1].time) == "2027-01-01T00:00:01");
}
