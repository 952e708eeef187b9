// pm2-logs: the `pm2 logs` stream in its real shapes (tail sections + live lines, --timestamp,
// --nostream, coloured prefixes with and without a tty), pinned on every corpus sample.

#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE(
    "pm2-logs tail: header path gives the full app name and stream, PM2 lines lose the pm2.log "
    "stamp",
    "[pm2]") {
  const auto r = run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-stream.log"));
  CHECK(r.events.size() == 24);  // 21 lines + the 3 app log headers, which are events
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 6);  // [TAILING], 2 pm2.log headers, 1 ==== rule, 2 blank lines

  const Event& exit = event_at_line(r, 12);
  CHECK(time_of(exit) == "2026-11-25T05:18:19");
  CHECK(exit.time_text == "2026-11-25T05:18:19");
  CHECK(exit.source == SourceKind::pm2);
  CHECK(exit.process == "PM2");
  CHECK(exit.level == Level::info);
  CHECK(exit.app == "openclaw-gateway");
  CHECK(exit.message == "App [openclaw-gateway:0] exited with code [1] via signal [SIGINT]");
  CHECK(field_or(exit, "pm_id") == "0");
  CHECK(field_or(exit, "exit_code") == "1");
  CHECK(field_or(exit, "signal") == "SIGINT");

  // "0|openclaw" is "0|openclaw-gateway" cut to 10 columns; the header names the file.
  const Event& gw = event_at_line(r, 20);
  CHECK(gw.app == "openclaw-gateway");
  CHECK(gw.source == SourceKind::gateway);
  CHECK(gw.process.empty());
  CHECK_FALSE(gw.time.has_value());
  CHECK(field_or(gw, "stream") == "stderr");
  CHECK(gw.message ==
        "2026-11-25T05:18:19.140+00:00 Gateway failed to start: another gateway instance is "
        "already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use "
        "127.0.0.1:18789 | EADDRINUSE");

  const Event& worker = event_at_line(r, 25);
  CHECK(worker.app == "worker");
  CHECK(worker.source == SourceKind::app);
  CHECK(field_or(worker, "pm_id") == "1");
  CHECK(worker.message == "    at Timeout._onTimeout (/home/fmtuser/app/crash.js:2:26)");

  CHECK(field_or(event_at_line(r, 30), "stream") == "stdout");
}

TEST_CASE("pm2-logs live lines after the tail carry the full padded name and no stream", "[pm2]") {
  const auto r = run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-live.log"));
  CHECK(r.events.size() == 24);  // with the 4 app log headers
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 5);
  const Event& live = event_at_line(r, 23);
  CHECK(live.app == "openclaw-gateway");
  CHECK(live.source == SourceKind::gateway);
  CHECK(field_or(live, "pm_id") == "0");
  CHECK_FALSE(live.field("stream").has_value());  // the blank line ended the section
  CHECK(live.message == "If the gateway is supervised, stop it with: openclaw gateway stop");

  const Event& pm2 = event_at_line(r, 25);
  CHECK(pm2.source == SourceKind::pm2);
  CHECK(pm2.level == Level::unknown);
  CHECK(pm2.message == "App [openclaw-gateway:0] starting in -fork mode-");
  CHECK(field_or(pm2, "event") == "starting");
  CHECK(field_or(pm2, "mode") == "fork");
}

TEST_CASE("pm2-logs --timestamp: the dash stamp before live lines is the time", "[pm2]") {
  const auto r = run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-timestamp.log"));
  CHECK(r.events.size() == 27);
  CHECK(r.no_match == 0);
  const Event& app = event_at_line(r, 8);
  CHECK(time_of(app) == "2026-11-25T05:18:19");
  CHECK(app.time.kind == TimeKind::local);
  CHECK(app.time_text == "2026-11-25-05:18:19");
  CHECK(app.app == "openclaw-gateway");
  CHECK(app.message == "If the gateway is supervised, stop it with: openclaw gateway stop");

  const Event& errored = event_at_line(r, 27);
  CHECK(errored.source == SourceKind::pm2);
  CHECK(time_of(errored) == "2026-11-25T05:18:20");
  CHECK(field_or(errored, "status") == "errored");
  CHECK(field_or(errored, "unstable_restarts") == "3");
  CHECK(field_or(errored, "script") == "/home/fmtuser/app/crash.js");
}

TEST_CASE("pm2-logs: the coloured stream files parse like their plain twins once ANSI is stripped",
          "[pm2]") {
  for (const auto& [coloured, plain] :
       {std::pair<const char*, const char*>{"formats/pm2-logs-stream-ansi.log",
                                            "formats/pm2-logs-stream-plain.log"},
        {"formats/pm2-logs-stream-timestamp-ansi.log",
         "formats/pm2-logs-stream-timestamp-plain.log"}}) {
    INFO(coloured);
    const auto a = run_parser("pm2-logs", strip_ansi_and_cr(read_corpus_file(coloured)));
    const auto p = run_parser("pm2-logs", read_corpus_file(plain));
    CHECK(a.events.size() == 277);
    CHECK(a.no_match == 0);
    REQUIRE(a.events.size() == p.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
      CHECK(a.events[i].message == p.events[i].message);
      CHECK(a.events[i].app == p.events[i].app);
      CHECK(a.events[i].time == p.events[i].time);
    }
  }
  const auto r =
      run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-stream-timestamp-plain.log"));
  const Event& e = event_at_line(r, 21);
  CHECK(time_of(e) == "2026-11-25T05:24:10");
  CHECK(e.app == "openclaw");
  CHECK(e.message ==
        "2026-11-25 05:24:10 +00:00: 2026-11-25T05:24:10.180+00:00 [gateway] agent model: "
        "anthropic/claude-sonnet-4-5 (thinking=medium, fast=off)");
}

TEST_CASE("pm2-logs reads raw ANSI prefixes itself: green is stdout, red is stderr", "[pm2]") {
  const std::string raw = read_corpus_file("formats/pm2-logs-tty-ansi.log");
  const auto r = run_parser("pm2-logs", raw);  // escapes left in (the harness drops only \r)
  CHECK(r.events.size() == 25);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 3);
  const Event& out = event_at_line(r, 5);
  CHECK(out.app == "worker");
  CHECK(field_or(out, "stream") == "stdout");
  CHECK(out.message == "worker starting pid=30161");
  const Event& err = event_at_line(r, 6);
  CHECK(field_or(err, "stream") == "stderr");
  CHECK(err.message == "TypeError: Cannot read properties of undefined (reading 'token')");
  const Event& pm2 = event_at_line(r, 10);
  CHECK(pm2.source == SourceKind::pm2);
  CHECK(field_or(pm2, "exit_code") == "1");

  // Stripped the reader's way the records are the same, minus the colour-derived stream.
  const auto s = run_parser("pm2-logs", strip_ansi_and_cr(raw));
  CHECK(s.events.size() == 25);
  CHECK(s.no_match == 0);
  CHECK(event_at_line(s, 6).message == err.message);
  CHECK_FALSE(event_at_line(s, 6).field("stream").has_value());
}

TEST_CASE("pm2-logs --nostream: tail sections only, app lines keep pm2's date prefix for peeling",
          "[pm2]") {
  const auto r = run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-nostream-nocolor.log"));
  CHECK(r.events.size() == 62);
  CHECK(r.no_match == 0);
  const Event& first = event_at_line(r, 3);
  CHECK(first.app == "openclaw");
  CHECK(field_or(first, "stream") == "stdout");
  const Event& last = event_at_line(r, 64);
  CHECK(field_or(last, "stream") == "stderr");
  CHECK(last.message == "2026-11-25 05:24:12 +00:00: }");
}

TEST_CASE("pm2-logs: an app log header is an event, marked when its section is empty", "[pm2]") {
  const auto r =
      run_parser("pm2-logs", read_corpus_file("real/18-pm2-fork-mode-silent-idle/input.log"));
  const Event& out = event_at_line(r, 28);
  CHECK(out.app == "openclaw-gateway");
  CHECK(out.source == SourceKind::pm2);
  CHECK(field_or(out, "log_section") == "stdout");
  CHECK(field_or(out, "section_empty") == "true");
  // A section with lines is not empty.
  const auto full = run_parser("pm2-logs", read_corpus_file("formats/pm2-logs-stream.log"));
  for (const auto& e : full.events) {
    if (e.field("log_section")) CHECK_FALSE(e.field("section_empty").has_value());
  }
}

TEST_CASE("pm2-logs on the real captures and the pm2 cases", "[pm2]") {
  struct Expect {
    const char* file;
    std::size_t events;
  };
  for (const auto& [file, events] : {
           Expect{"real/11-pm2-restart-loop-gateway-missing-config/pm2-logs-nostream.stdout.log",
                  204},
           Expect{"real/12-pm2-errored-gateway-missing-config/pm2-logs-nostream.stdout.log", 43},
           Expect{"real/13-pm2-restart-loop-gateway-port-conflict/pm2-logs-nostream.stdout.log",
                  79},
           Expect{"real/14-pm2-restart-loop-crash-app/pm2-logs-nostream.stdout.log", 43},
           Expect{"real/17-pm2-node-heap-oom/pm2-logs-nostream.stdout.log", 81},
           Expect{"real/19-pm2-gateway-config-autorestored/pm2-logs-nostream.stdout.log", 35},
           Expect{"real/22-pm2-healthy-gateway/pm2-logs-nostream.stdout.log", 36},
           Expect{"cases/03-missing-config-pm2-loop-hundreds/input.log", 396},
           Expect{"cases/22-none-eaddrinuse-in-other-app-5173/input.log", 50},
           Expect{"cases/43-negative-second-start-own-instance/input-1.log", 55},
       }) {
    INFO(file);
    const auto r = run_parser("pm2-logs", read_corpus_file(file));
    CHECK(r.events.size() == events);
    CHECK(r.no_match == 0);
  }
  // Case 22: "1|vite-das" is vite-dashboard cut short; the other app is not the gateway.
  const auto r = run_parser(
      "pm2-logs", read_corpus_file("cases/22-none-eaddrinuse-in-other-app-5173/input.log"));
  const Event& vite = event_at_line(r, 36);
  CHECK(vite.app == "vite-dashboard");
  CHECK(vite.source == SourceKind::app);
  CHECK(field_or(vite, "stream") == "stderr");
  CHECK(vite.message == "Error: listen EADDRINUSE: address already in use :::5173");
  // Case 03: the empty -out section header is followed directly by the -error one.
  const auto c3 = run_parser(
      "pm2-logs", read_corpus_file("cases/03-missing-config-pm2-loop-hundreds/input.log"));
  CHECK(field_or(event_at_line(c3, 4), "stream") == "stderr");
  CHECK(event_at_line(c3, 4).app == "openclaw-gateway");
}
