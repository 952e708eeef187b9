// Pins the multi-line joining that works across formats: Node crash reports, stack traces
// and error objects, V8 heap OOM blocks, kernel OOM reports, terminal-wrapped lines; and
// that unrelated neighbours (other pid, other time, other source) are never glued together.

#include <catch2/catch.hpp>

#include "logdx/parsers/record_joiner.hpp"

using namespace logdx;

namespace {

struct Line {
  std::string message;
  bool plain = true;
  SourceKind source = SourceKind::other;
  std::optional<std::int64_t> pid;
  std::int64_t seconds = -1;  // -1: no time
};

std::vector<Event> join(const std::vector<Line>& lines) {
  std::vector<Event> out;
  RecordJoiner joiner([&out](Event&& e) { out.push_back(std::move(e)); });
  std::uint64_t n = 0;
  for (const auto& l : lines) {
    Event e;
    e.message = l.message;
    e.raw = l.message;
    e.source = l.source;
    e.pid = l.pid;
    e.where.line = ++n;
    if (l.seconds >= 0) {
      e.time.kind = TimeKind::utc;
      e.time.nanos = l.seconds * 1'000'000'000;
    }
    joiner.push(std::move(e), l.plain);
  }
  joiner.flush();
  return out;
}

std::vector<Line> bare(std::initializer_list<const char*> lines) {
  std::vector<Line> out;
  for (const char* l : lines) out.push_back(Line{l, true, SourceKind::other, std::nullopt, -1});
  return out;
}

}  // namespace

TEST_CASE("a Node crash report from its location line to 'Node.js vX' is one event", "[joiner]") {
  const auto events = join(
      bare({"node:events:502", "      throw er; // Unhandled 'error' event", "      ^", "",
            "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789",
            "    at Server.setupListenHandle [as _listen2] (node:net:1908:16)",
            "Emitted 'error' event on Server instance at:",
            "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {",
            "  code: 'EADDRINUSE',", "  port: 18789", "}", "", "Node.js v20.20.2",
            "next unrelated line"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 13);
  CHECK(events[0].message.find("EADDRINUSE") != std::string::npos);
  CHECK(events[0].message.ends_with("Node.js v20.20.2"));
  CHECK(events[1].message == "next unrelated line");
  CHECK(events[1].where.line == 14);
}

TEST_CASE("stack frames join their error; repeated errors stay separate events", "[joiner]") {
  const auto events = join(bare({"TypeError: Cannot read properties of undefined (reading 'token')",
                                 "    at Timeout._onTimeout (/home/u/app/crash.js:2:26)",
                                 "    at listOnTimeout (node:internal/timers:581:17)",
                                 "TypeError: Cannot read properties of undefined (reading 'token')",
                                 "    at Timeout._onTimeout (/home/u/app/crash.js:2:26)"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 3);
  CHECK(events[1].where.line_count == 2);
}

TEST_CASE("a stack pasted flush left still joins its error; a sentence at 'at' does not",
          "[joiner]") {
  const auto events =
      join(bare({"Error: connect ETIMEDOUT 10.0.0.5:3306",
                 "at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1104:14)",
                 "at Connection._handleConnectTimeout "
                 "(C:\\app\\node_modules\\mysql\\lib\\Connection.js:425:13)",
                 "at Error (native)", "at /srv/app/index.js:12:3", "Error: connect ETIMEDOUT",
                 "at least that is what the log says", "at Socket.g (events.js:291:16)",
                 "at Socket.g (events.js:291:16)"}));
  REQUIRE(events.size() == 5);
  CHECK(events[0].where.line_count == 5);
  CHECK(events[1].message == "Error: connect ETIMEDOUT");
  CHECK(events[2].message == "at least that is what the log says");
  // outside an error's stack a flush-left frame is a line of its own
  CHECK(events[3].where.line_count == 1);
}

TEST_CASE("an old-style { Error: ... } object is one event until its closing brace", "[joiner]") {
  const auto events = join(
      bare({"{ Error: listen EADDRINUSE :::3000", "    at Object._errnoException (util.js:1022:11)",
            "  code: 'EADDRINUSE',", "  errno: 'EADDRINUSE',", "  port: 3000 }", "after"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 5);
  CHECK(events[1].message == "after");
}

TEST_CASE("an error object cut above its opening line joins from code: to }", "[joiner]") {
  // node 12-24 util.inspect of a listen error, the paste starting at its properties
  const auto events =
      join(bare({"  code: 'EADDRINUSE',", "  errno: -4091,", "  syscall: 'listen',",
                 "  address: '::',", "  port: 8999", "}", "npm ERR! code ELIFECYCLE"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 6);
  CHECK(events[0].message.find("port: 8999") != std::string::npos);
  CHECK(events[1].message == "npm ERR! code ELIFECYCLE");
}

TEST_CASE("a cut object tail stops at the first line that is not a property", "[joiner]") {
  const auto cut = join(bare({"  code: 'ECONNREFUSED',", "  errno: -111,", "npm ERR! errno 1"}));
  REQUIRE(cut.size() == 2);
  CHECK(cut[0].where.line_count == 2);
  CHECK(cut[1].message == "npm ERR! errno 1");
  // an unindented or non-code first property opens nothing
  const auto plain = join(bare({"code: 'EADDRINUSE',", "  port: 3000"}));
  CHECK(plain.size() == 2);
  const auto other = join(bare({"  port: 3000", "  code: 'EADDRINUSE',"}));
  CHECK(other.size() == 2);
}

TEST_CASE("the V8 heap OOM block is one event, leading blank lines dropped", "[joiner]") {
  const auto events = join(
      bare({"", "<--- Last few GCs --->", "",
            "[30057:0x304a5000]       37 ms: Scavenge 10.6 (15.6) -> 10.4 (26.3) MB",
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
            "----- Native stack trace -----", "", " 1: 0x931db0  [/usr/local/bin/node]",
            "10: 0x1addd09  [/usr/local/bin/node]", "gateway restarted"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].message.starts_with("<--- Last few GCs --->"));
  CHECK(events[0].message.find("JavaScript heap out of memory") != std::string::npos);
  CHECK(events[0].message.ends_with("[/usr/local/bin/node]"));
  CHECK(events[1].message == "gateway restarted");
}

TEST_CASE("a V8 OOM line wrapped at 80 columns is rejoined without a space", "[joiner]") {
  // node 6 on a Windows console (80 columns): the FATAL ERROR line breaks inside "memory"
  const std::string head =
      "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memo";
  REQUIRE(head.size() == 80);
  const auto events = join(bare({head.c_str(), "ry <---", "gateway restarted"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].message ==
        "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory <---");
  CHECK(events[1].message == "gateway restarted");
  // a short FATAL line is not a wrap: the next bare line stays apart
  const auto short_line =
      join(bare({"FATAL ERROR: Reached heap limit Allocation failed - "
                 "JavaScript heap out of memory",
                 "gateway restarted"}));
  CHECK(short_line.size() == 2);
}

TEST_CASE("a line of exactly 80 columns keeps the next record of its deploy log apart",
          "[joiner]") {
  // Render's deploy log: every record opens with "==> "; one of them happens to be 80 columns
  // wide, which alone reads as a line the terminal wrapped.
  const std::string docs =
      "==> Docs on specifying a port: https://render.com/docs/web-services#port-binding";
  REQUIRE(docs.size() == 80);
  auto events = join(bare({docs.c_str(), "==> Exited with status 1"}));
  REQUIRE(events.size() == 2);
  CHECK(events[1].message == "==> Exited with status 1");
  // Heroku's buildpack marker, the same way
  const std::string build =
      "-----> Building on the Heroku-24 stack using the buildpack heroku/nodejs-x";
  const std::string padded = build + std::string(80 - build.size(), 'x');
  events = join(bare({padded.c_str(), "-----> Node.js app detected"}));
  CHECK(events.size() == 2);
  // an 80-column line still takes the piece the terminal moved down
  const std::string wrapped =
      "==> Build failed: npm ERR! code ERESOLVE npm ERR! could not resolve dependen";
  const std::string wide = wrapped + std::string(80 - wrapped.size(), 'c');
  events = join(bare({wide.c_str(), "cy tree"}));
  CHECK(events.size() == 1);
}

TEST_CASE("a line of exactly 80 columns keeps a capitalised next sentence apart", "[joiner]") {
  // curl 7.88 (lib/vtls/openssl.c, src/tool_operate.c): the error is 80 columns long, and the
  // advice after it is its own line: a terminal's cut never leaves "chain|More ".
  const std::string error =
      "curl: (60) SSL certificate problem: self-signed certificate in certificate chain";
  REQUIRE(error.size() == 80);
  auto events =
      join(bare({error.c_str(), "More details here: https://curl.se/docs/sslcerts.html"}));
  REQUIRE(events.size() == 2);
  CHECK(events[1].message == "More details here: https://curl.se/docs/sslcerts.html");
  // a cut inside a word still joins: the rest is lower case, or a camelCase tail glued to more
  events = join(bare({error.c_str(), "s of the host"}));
  CHECK(events.size() == 1);
  events = join(bare({error.c_str(), "Timeout(3000) failed"}));
  CHECK(events.size() == 1);
}

TEST_CASE("a kernel OOM report joins kernel lines through oom_reaper only", "[joiner]") {
  std::vector<Line> lines = {
      {"node invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE)", false,
       SourceKind::kernel, std::nullopt, 100},
      {"Mem-Info:", false, SourceKind::kernel, std::nullopt, 100},
      {"oom-kill:constraint=CONSTRAINT_NONE,task=node,pid=2301", false, SourceKind::kernel,
       std::nullopt, 100},
      {"Out of memory: Killed process 2301 (node) total-vm:1kB", false, SourceKind::kernel,
       std::nullopt, 100},
      {"oom_reaper: reaped process 2301 (node)", false, SourceKind::kernel, std::nullopt, 100},
      {"[UFW BLOCK] IN=eth0 DPT=18789", false, SourceKind::kernel, std::nullopt, 100},
  };
  const auto events = join(lines);
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 5);
  CHECK(events[1].message.starts_with("[UFW BLOCK]"));
}

TEST_CASE("lines of another pid, another source or another second never join", "[joiner]") {
  std::vector<Line> lines = {
      {"Error: boom", false, SourceKind::gateway, 10, 100},
      {"    at a (x.js:1:1)", false, SourceKind::gateway, 11, 100},  // other pid
      {"    at b (x.js:1:1)", false, SourceKind::kernel, 11, 100},   // other source
      {"    at c (x.js:1:1)", false, SourceKind::kernel, 11, 105},   // other second
  };
  const auto events = join(lines);
  CHECK(events.size() == 4);
}

TEST_CASE("a list item exactly a terminal's width keeps the next item apart", "[joiner]") {
  // `systemctl --failed` (systemd 245) pads its columns to the window: a row typed into a
  // numbered Markdown list can end at exactly 120 columns, and "2. ..." is the next item, not
  // the rest of a cut line.
  std::string row = "1. \u25cf snapd.service";
  row += std::string(82, ' ');  // 18 columns before, 20 after: 120
  row += "loaded failed failed";
  auto events = join(bare({row.c_str(), "2. Kernel remains at 5.4"}));
  REQUIRE(events.size() == 2);
  CHECK(events[1].message == "2. Kernel remains at 5.4");
  // bullets the same way; a bullet then a number is no list of one kind
  std::string bullet = "- " + std::string(row.begin() + 3, row.end()) + " ";
  events = join(bare({bullet.c_str(), "- cron.service too"}));
  CHECK(events.size() == 2);
  // a cut inside a word still joins, list item or not
  events = join(bare({row.c_str(), "d at boot"}));
  CHECK(events.size() == 1);
}

TEST_CASE("a line wrapped by an 80-column terminal is joined without a newline", "[joiner]") {
  const std::string first(80, 'x');
  const auto events = join(bare({first.c_str(), "tail of the wrapped line", "new line"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].message == first + "tail of the wrapped line");
  // A 79-column line is not a wrap.
  const std::string short_line(79, 'y');
  CHECK(join(bare({short_line.c_str(), "other"})).size() == 2);
}

TEST_CASE("a wrapped line is measured without the Markdown the paste added to it", "[joiner]") {
  // An issue body quoting a Windows console (80 columns) in inline code: the backtick that
  // opens the span is on the raw line, not on the terminal; the cleaner took it off the message.
  const std::string printed =
      "(node:10576) UnhandledPromiseRejectionWarning: MongoNetworkError: failed to conn";
  REQUIRE(printed.size() == 80);
  std::vector<Event> out;
  RecordJoiner joiner([&out](Event&& e) { out.push_back(std::move(e)); });
  auto bare_line = [&joiner](std::string raw, std::string message, std::uint64_t line) {
    Event e;
    e.raw = std::move(raw);
    e.message = std::move(message);
    e.where.line = line;
    joiner.push(std::move(e), true);
  };
  const std::string rest = "ect to server [localhost:27017] on first connect";
  bare_line("`" + printed, printed, 1);
  bare_line(rest, rest, 2);
  joiner.flush();
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == printed + rest);

  // The same 81 columns with nothing taken off are no terminal's width: two events.
  const std::string wide = "x" + printed;
  out.clear();
  bare_line(wide, wide, 1);
  bare_line("ect to server", "ect to server", 2);
  joiner.flush();
  CHECK(out.size() == 2);
}

// node 18's unhandled-rejection report as pasted with one space before every line (an issue
// body's fence around text copied with its margin): the location line is indented too.
TEST_CASE("a Node crash report indented as a whole is still one event", "[joiner]") {
  const auto events =
      join(bare({" node:internal/process/promises:288",
                 "            triggerUncaughtException(err, true /* fromPromise */);",
                 "             ^", "", " Error: connect ECONNREFUSED 127.0.0.1:5432",
                 "     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1494:16) {",
                 "   errno: -111,", "   code: 'ECONNREFUSED',", " }", "", " Node.js v18.16.1",
                 "next unrelated line"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].message.find("Error: connect ECONNREFUSED 127.0.0.1:5432") != std::string::npos);
  CHECK(events[1].message == "next unrelated line");
}

TEST_CASE("a location-like line that starts no crash does not swallow the file", "[joiner]") {
  std::vector<Line> lines = {{"/etc/hosts:3", true, SourceKind::other, std::nullopt, -1}};
  for (int i = 0; i < 400; ++i)
    lines.push_back({"some text " + std::to_string(i), true, SourceKind::other, std::nullopt, -1});
  const auto events = join(lines);
  CHECK(events.size() > 90);
  CHECK(events[0].where.line_count <= 3);
}

namespace {

Line enveloped(const char* message, std::int64_t seconds) {
  return Line{message, false, SourceKind::systemd, 1, seconds};
}

// A bare line: no envelope, no time.
Line wrapped_line(const char* message) {
  return Line{message, true, SourceKind::other, std::nullopt, -1};
}

}  // namespace

// A journal paste hard-wrapped at ~70 columns by an issue body (systemd v245 wording,
// src/core/service.c / unit.c): each message is cut mid-sentence and goes on, lower-case or
// inside a quote, on a bare line.
TEST_CASE("hard-wrapped journal lines are joined to the record they continue", "[joiner]") {
  const auto events = join(
      {enveloped("Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too", 100),
       wrapped_line("quickly."),
       enveloped("Jun 30 13:25:13 systemd[1]: ananicy.service: Failed with result", 100),
       wrapped_line("'exit-code'."),
       enveloped("Jun 30 13:25:13 systemd[1]: Failed to start Ananicy - ANother Auto NICe", 100),
       wrapped_line("daemon.")});
  REQUIRE(events.size() == 3);
  CHECK(events[0].message ==
        "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly.");
  CHECK(events[0].where.line_count == 2);
  CHECK(events[0].raw ==
        "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too\nquickly.");
  CHECK(events[1].message ==
        "Jun 30 13:25:13 systemd[1]: ananicy.service: Failed with result 'exit-code'.");
  CHECK(events[2].message ==
        "Jun 30 13:25:13 systemd[1]: Failed to start Ananicy - ANother Auto NICe daemon.");
}

// nginx 1.10 ngx_http_upstream.c error line, broken inside its quoted upstream field.
TEST_CASE("an nginx error line broken inside a quoted field is joined without a blank",
          "[joiner]") {
  const auto events =
      join({Line{"connect() failed (111: Connection refused) while connecting to upstream, client: "
                 "76.98.113.158, server: , request: \"GET /?new HTTP/1.1\", upstream: \"",
                 false, SourceKind::proxy, 5, 200},
            wrapped_line("http://127.0.0.1:3000/?new\", host: \"bot-tunnel.com\"")});
  REQUIRE(events.size() == 1);
  CHECK(
      events[0].message.ends_with("upstream: \"http://127.0.0.1:3000/?new\", host: "
                                  "\"bot-tunnel.com\""));
  CHECK(events[0].where.line_count == 2);
}

TEST_CASE("bare lines that start records of their own are never taken as wraps", "[joiner]") {
  const char* cut = "Jun 30 13:25:13 app[42]: could not connect to the database server at";
  for (const char* next :
       {"Error: connect ECONNREFUSED 127.0.0.1:5432", "error: Forever detected script exited",
        "TypeError: Cannot read properties of undefined", "    at Socket.emit (node:events:513:28)",
        "[gateway] listening on ws://127.0.0.1:18789", "{ code: 'ECONNREFUSED' }",
        "Main PID: 2627 (code=exited, status=127)", "warn: retrying in 5s"}) {
    INFO(next);
    const auto events = join({enveloped(cut, 100), wrapped_line(next)});
    // Stack frames still join as a stack; everything else stays its own event.
    const bool frame = std::string_view(next).starts_with("    at ");
    CHECK(events.size() == (frame ? 1u : 2u));
    CHECK(events[0].message == (frame ? std::string(cut) + "\n" + next : std::string(cut)));
  }
}

TEST_CASE("complete or short messages take no wrapped continuation", "[joiner]") {
  // Ends with closing punctuation: the next bare line is its own.
  auto events = join({enveloped("Jun 30 13:25:13 systemd[1]: Stopped Node-RED graphical tool.", 1),
                      wrapped_line("quickly restarted by hand")});
  CHECK(events.size() == 2);
  // Too short to have been wrapped at 70-80 columns.
  events = join({enveloped("Jun 30 13:25:13 systemd[1]: Starting", 1), wrapped_line("foo bar")});
  CHECK(events.size() == 2);
  // Upper-case start with nothing left open: a new sentence, not the rest of this one.
  events = join({enveloped("Jun 30 13:25:13 systemd[1]: foo.service: Main process exited, code", 1),
                 wrapped_line("Service hold-off time over")});
  CHECK(events.size() == 2);
  // A line with a time of its own is a record, whatever the one before looks like.
  events =
      join({enveloped("Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too", 1),
            Line{"quickly.", true, SourceKind::other, std::nullopt, 1}});
  CHECK(events.size() == 2);
  // Two bare lines are two messages as far as anyone can tell (a browser console paste).
  events =
      join({wrapped_line("index-C4gGL9E4.js:1 WebSocket connection to 'wss://claw.example.com/' "
                         "failed: Error during WebSocket handshake: Unexpected response"),
            wrapped_line("index-C4gGL9E4.js:1090 disconnected (1006): no reason")});
  CHECK(events.size() == 2);
  // A message that ends on a number is as complete as one that ends on a full stop.
  events = join({enveloped("Jun 30 13:25:13 nginx[812]: upstream answered with status code 502", 1),
                 wrapped_line("retrying the request on the next upstream")});
  CHECK(events.size() == 2);
  // Nor does one that ends on a URL (openclaw control UI 2026.9.6 console).
  events =
      join({enveloped("[openclaw] control ui v2026.9.6 connecting to ws://127.0.0.1:18789/", 1),
            wrapped_line("disconnected (4008): connect failed")});
  CHECK(events.size() == 2);
  // An enveloped line (not bare) is never a wrap either.
  events =
      join({enveloped("Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too", 1),
            Line{"quickly.", false, SourceKind::systemd, 1, -1}});
  CHECK(events.size() == 2);
}

// node 0.10 (lib/events.js:72) and node 8-14 name the file of their own lib that threw without
// a path: "events.js:72", "internal/modules/cjs/loader.js:638"; the report is the same shape as
// node 15+'s "node:events:502" one.
TEST_CASE("a crash report headed by a file of Node's own lib joins its error", "[joiner]") {
  const auto old =
      join(bare({"events.js:72", "        throw er; // Unhandled 'error' event", "              ^",
                 "Error: listen EADDRINUSE", "    at errnoException (net.js:904:11)",
                 "    at Server._listen2 (net.js:1042:14)"}));
  REQUIRE(old.size() == 1);
  CHECK(old[0].where.line_count == 6);
  CHECK(old[0].message.find("Error: listen EADDRINUSE") != std::string::npos);
  const auto loader = join(bare({"internal/modules/cjs/loader.js:638", "    throw err;", "    ^",
                                 "", "Error: Cannot find module '/srv/app/index.js'",
                                 "    at Function.Module._resolveFilename "
                                 "(internal/modules/cjs/loader.js:636:15)"}));
  REQUIRE(loader.size() == 1);
  CHECK(loader[0].message.find("Cannot find module") != std::string::npos);
  // a sentence naming the file, and a file name without a line, open nothing
  const auto prose = join(bare({"events.js:72 is where it throws", "Error: boom"}));
  CHECK(prose.size() == 2);
  const auto name = join(bare({"events.js", "Error: boom"}));
  CHECK(name.size() == 2);
}

// Linux 4.19+ mm/oom_kill.c: dump_header ends with dump_oom_summary's one-line summary, then
// __oom_kill_process prints "Out of memory: Killed process ..." (memcg: "Memory cgroup out of
// memory: ..."), then the reaper's line. A paste cut above the summary is still one report.
TEST_CASE("a kernel OOM report cut above its summary joins the kill lines only", "[joiner]") {
  const auto kernel = [](const char* message) {
    return Line{message, true, SourceKind::kernel, std::nullopt, -1};
  };
  const auto events = join(
      {kernel("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,"
              "global_oom,task_memcg=/system.slice/pm2-ocuser.service,task=node,pid=7001,uid=1000"),
       kernel("Out of memory: Killed process 7001 (node) total-vm:2516612kB, anon-rss:1611300kB, "
              "file-rss:4kB, shmem-rss:0kB, UID:1000 pgtables:3620kB oom_score_adj:0"),
       kernel("oom_reaper: reaped process 7001 (node), now anon-rss:0kB, file-rss:0kB"),
       kernel("Out of memory: Killed process 7002 (node) total-vm:1kB"),
       kernel("[UFW BLOCK] IN=eth0 DPT=18789")});
  REQUIRE(events.size() == 3);
  CHECK(events[0].where.line_count == 3);
  CHECK(events[0].message.find("Killed process 7001") != std::string::npos);
  CHECK(events[1].message.starts_with("Out of memory: Killed process 7002"));  // a later kill
  // another kernel line after the summary is not part of it
  const auto other = join({kernel("oom-kill:constraint=CONSTRAINT_MEMCG,task=java,pid=28438"),
                           kernel("[UFW BLOCK] IN=eth0 DPT=18789")});
  CHECK(other.size() == 2);
}

// node's OOMErrorHandler prints "FATAL ERROR: <where> Allocation failed - JavaScript heap out of
// memory" on one line; a paste broken before "Allocation" (an issue body) still reads as one.
TEST_CASE("a V8 FATAL ERROR line broken before 'Allocation failed' is one event", "[joiner]") {
  const auto events =
      join(bare({"FATAL ERROR: Ineffective mark-compacts near heap limit",
                 "Allocation failed - JavaScript heap out of memory", "gateway restarted"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].message.ends_with("JavaScript heap out of memory"));
  // without the FATAL ERROR line, the allocation line is a record of its own
  const auto alone =
      join(bare({"Error: boom", "Allocation failed - JavaScript heap out of memory"}));
  CHECK(alone.size() == 2);
}

// Node 12+ lib/internal/modules/cjs/loader.js builds MODULE_NOT_FOUND's message as "Cannot find
// module '${request}'\nRequire stack:\n- ${requireStack.join('\n- ')}"; strapi 3 prints
// "Error: Missing required folders:" and a "- ./folder" line per folder. Each list is its
// header's.
TEST_CASE("a bare list under a line ending with ':' joins it, and so does Require stack",
          "[joiner]") {
  const auto node = join(
      bare({"Error: Cannot find module 'express'", "Require stack:", "- /srv/app/index.js",
            "    at Function.Module._resolveFilename "
            "(node:internal/modules/cjs/loader:1039:15)",
            "    at Object.<anonymous> (/srv/app/index.js:1:17) {", "  code: 'MODULE_NOT_FOUND',",
            "  requireStack: [ '/srv/app/index.js' ]", "}", "next line"}));
  REQUIRE(node.size() == 2);
  CHECK(node[0].where.line_count == 8);
  CHECK(node[1].message == "next line");
  const auto strapi = join(
      bare({"Error: Missing required folders:", "- ./api", "- ./extensions", "Strapi exited"}));
  REQUIRE(strapi.size() == 2);
  CHECK(strapi[0].message == "Error: Missing required folders:\n- ./api\n- ./extensions");
  // an item without a header ending in ':', and a header whose next line is no item, stay apart
  CHECK(join(bare({"Service started.", "- ./api"})).size() == 2);
  CHECK(join(bare({"Steps I tried:", "restarting it"})).size() == 2);
  // a journal record's message ending with ':' takes no bare line: it was one line
  const auto enveloped = join({Line{"Failed units:", false, SourceKind::systemd, 1, 100},
                               Line{"- foo.service", true, SourceKind::other, std::nullopt, -1}});
  CHECK(enveloped.size() == 2);
}

// clawdbot 2026.1.24 dist/infra/runtime-guard.js assertSupportedRuntime: one runtime.error of
// five lines joined by "\n" (openclaw 2026.2.x runtime-guard the same with "openclaw").
TEST_CASE("the gateway's runtime guard is one event with the node it detected", "[joiner]") {
  const auto guard = join(
      bare({"clawdbot requires Node >=22.0.0.", "Detected: node 20.11.0 (exec: /usr/bin/node).",
            "PATH searched: /usr/local/bin:/usr/bin:/bin",
            "Install Node: https://nodejs.org/en/download", "Upgrade Node and re-run clawdbot.",
            "next line"}));
  REQUIRE(guard.size() == 2);
  CHECK(guard[0].where.line_count == 5);
  // "Detected:" under another line, and a sentence saying the same, stay apart
  CHECK(join(bare({"Gateway service not loaded.", "Detected: node 20.11.0 (exec: /usr/bin/node)."}))
            .size() == 2);
  CHECK(join(bare({"my app requires Node >=22 but I have 20", "Detected: node 20.11.0."})).size() ==
        2);
}

// One message a tool printed over several lines, the later ones indented. libpq 9.x-11
// fe-connect.c connectFailureMessage ("could not connect to server: %s\n\tIs the server running
// on host \"%s\" (%s) and accepting\n\tTCP/IP connections on port %s?\n", and the Unix socket
// form); node 22.12 lib/internal/modules/cjs/loader.js ERR_REQUIRE_ASYNC_MODULE with
// --experimental-print-required-tla off ("  From ", "  Requiring ").
TEST_CASE("an indented sentence goes on with the bare record above it", "[joiner]") {
  auto events =
      join(bare({"psql: could not connect to server: Connection refused",
                 "\tIs the server running on host \"localhost\" (127.0.0.1) and accepting",
                 "\tTCP/IP connections on port 5432?", "next"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 3);
  CHECK(events[0].message.ends_with("\n\tTCP/IP connections on port 5432?"));

  events = join(bare({"psql: could not connect to server: No such file or directory",
                      "\tIs the server running locally and accepting",
                      "\tconnections on Unix domain socket \"/tmp/.s.PGSQL.5432\"?"}));
  REQUIRE(events.size() == 1);
  CHECK(events[0].message.ends_with("socket \"/tmp/.s.PGSQL.5432\"?"));

  events =
      join(bare({"Error [ERR_REQUIRE_ASYNC_MODULE]: require() cannot be used on an ESM "
                 "graph with top-level await. Use import() instead.",
                 "  From /tmp/esm/[eval] ", "  Requiring /tmp/esm/node_modules/tla/index.js "}));
  REQUIRE(events.size() == 1);
  CHECK(events[0].where.line_count == 3);
}

TEST_CASE("indented lines that do not go on with a message stay apart", "[joiner]") {
  // A person's line ending with ':' above the log they indented; a lower-case indented line
  // under a sentence; an indented first line; a line of another indent after the sentence.
  CHECK(
      join(bare({"I get this when I start it:", "    Error: listen EADDRINUSE :::18789"})).size() ==
      2);
  CHECK(join(bare({"openclaw gateway status", "  running, pid 4242"})).size() == 2);
  CHECK(join(bare({"  Loaded: loaded", "  Active: failed"})).size() == 2);
  const auto events = join(
      bare({"psql: could not connect to server: Connection refused",
            "\tIs the server running on host \"db\" (10.0.0.5) and accepting", "  other text"}));
  CHECK(events.size() == 2);
  // An enveloped record is no bare message: its neighbours keep their own rules.
  std::vector<Line> lines = bare({"x", "  Requiring /tmp/x.js"});
  lines[0].plain = false;
  lines[0].seconds = 5;
  CHECK(join(lines).size() == 2);
}

// bun.report's rendering of a crash (oven-sh/bun issue form "Stack Trace (bun.report)", bun
// 1.1.8 and 1.1.29 on Windows): the header, a blank line, the reason; the frames list after it
// is its own.
TEST_CASE("bun.report's header joins the reason under its blank line", "[joiner]") {
  auto events = join(
      bare({"Bun v1.1.29 ([`6d43b36`](<https://github.com/oven-sh/bun/tree/"
            "6d43b366220099042f28c5fa5c66185fe2580539>)) on windows x86_64 "
            "[RunCommand]",
            "", "Segmentation fault at address 0xFFFFFFFFFFFFFFFF", "", "- 2 unknown/js code"}));
  REQUIRE(events.size() == 2);
  CHECK(
      events[0].message.ends_with("[RunCommand]\n\nSegmentation fault at address "
                                  "0xFFFFFFFFFFFFFFFF"));
  CHECK(events[1].message == "- 2 unknown/js code");
  // A header cut off alone stays one line; a sentence naming a Bun release opens nothing.
  events =
      join(bare({"Bun v1.2.5 ([`013fdaf`](<https://github.com/oven-sh/bun/tree/013fdaf>)) "
                 "on linux x86_64_baseline [BuildCommand]"}));
  CHECK(events.size() == 1);
  events = join(bare({"Bun v1.1.38 is out (bf2f153) on windows, see the notes", "",
                      "Segmentation fault at address 0x0"}));
  CHECK(events.size() == 2);
}

// cmd.exe's zh-CN "'npx' 不是内部或外部命令，也不是可运行的程序" printed in GBK and read back as
// UTF-8 by an MCP client that logged the command's name on a line of its own (Cline's MCP panel).
TEST_CASE("a garbled line of U+FFFD runs goes on with the quoted name above it", "[joiner]") {
  const auto events = join(bare({"'npx'", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDxyz",
                                 "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD second garbled line",
                                 "MCP error -32000: Connection closed"}));
  REQUIRE(events.size() == 2);
  CHECK(events[0].where.line_count == 3);
  CHECK(events[1].message == "MCP error -32000: Connection closed");
}

TEST_CASE("a garbled line does not join a record that is neither a quoted name nor garbled",
          "[joiner]") {
  const auto events = join(bare({"Starting server", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
                                 "Error: 'npx", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}));
  CHECK(events.size() == 4);
}
