// pm2-app-time and pm2-app-json: the per-app out/err files pm2 writes when the app was started
// with --time / --log-date-format or --log-type json.

#include <algorithm>
#include <catch2/catch.hpp>

#include "pm2_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("pm2-app-time: --time stamp then the app's own line; app unknown", "[pm2]") {
  const auto r = run_parser("pm2-app-time", read_corpus_file("formats/pm2-app-error-time.log"));
  CHECK(r.events.size() == 8);
  CHECK(r.no_match == 0);
  const Event& e = event_at_line(r, 2);
  CHECK(time_of(e) == "2026-11-25T05:18:41");
  CHECK(e.time.kind == TimeKind::local);
  CHECK(e.time_text == "2026-11-25T05:18:41");
  CHECK(e.message == "If the gateway is supervised, stop it with: openclaw gateway stop");
  CHECK(e.app.empty());
  CHECK(e.source == SourceKind::app);
  const auto out = run_parser("pm2-app-time", read_corpus_file("formats/pm2-app-out-time.log"));
  CHECK(out.events.size() == 8);
  CHECK(out.no_match == 0);
  CHECK(event_at_line(out, 1).message ==
        "2026-11-25T05:18:41.196+00:00 [gateway] loading configuration…");
}

TEST_CASE("pm2-app-time: --log-date-format 'YYYY-MM-DD HH:mm:ss Z' is an absolute time", "[pm2]") {
  const auto r =
      run_parser("pm2-app-time", read_corpus_file("formats/pm2-app-error-logdateformat.log"));
  CHECK(r.events.size() == 176);
  CHECK(r.no_match == 0);
  const Event& e = event_at_line(r, 2);
  CHECK(time_of(e) == "2026-11-25T05:24:10Z");
  CHECK(e.time_text == "2026-11-25 05:24:10 +00:00");
  CHECK(e.message == "    at Server.setupListenHandle [as _listen2] (node:net:1908:16)");
  const auto out =
      run_parser("pm2-app-time", read_corpus_file("formats/pm2-app-out-logdateformat.log"));
  CHECK(out.events.size() == 32);
  CHECK(out.no_match == 0);
  for (const char* file : {"cases/02-port-conflict-3001-pm2-uptime-kuma/input-2.log",
                           "cases/38-auth-failed-token-missing-relay/input-1.log",
                           "cases/45-negative-one-restart-after-deploy/input-2.log",
                           "cases/47-restart-loop-pm2-max-memory-restart/input-2.log"}) {
    INFO(file);
    const std::string text = read_corpus_file(file);
    const auto c = run_parser("pm2-app-time", text);
    CHECK(c.no_match == 0);
    CHECK(c.events.size() == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  }
}

TEST_CASE("pm2-app-time refuses plain app lines, app ISO stamps and pm2.log lines", "[pm2]") {
  const auto r =
      run_parser("pm2-app-time", read_corpus_file("formats/pm2-app-error.log") +
                                     read_corpus_file("formats/pm2-app-error-stack.log") +
                                     "2026-11-25T05:18:18: PM2 log: App [worker:1] online\n");
  CHECK(r.events.empty());
  CHECK(r.no_match == 20 + 12 + 1);
  CHECK(run_parser("pm2-app-time", "2026-11-25T05:18:41:").events.size() == 1);
}

TEST_CASE("pm2-app-json: one record per chunk, trailing newline dropped, inner ones kept",
          "[pm2]") {
  const auto r = run_parser("pm2-app-json", read_corpus_file("formats/pm2-app-logtype-json.log"));
  CHECK(r.events.size() == 4);
  CHECK(r.no_match == 0);
  const Event& e = event_at_line(r, 1);
  CHECK(e.message ==
        "TypeError: Cannot read properties of undefined (reading 'token')\n"
        "    at Timeout._onTimeout (/home/fmtuser/app/crash.js:2:26)\n"
        "    at listOnTimeout (node:internal/timers:581:17)\n"
        "    at process.processTimers (node:internal/timers:519:7)");
  CHECK(time_of(e) == "2026-11-25T05:18:41.601Z");
  CHECK(e.time_text == "2026-11-25T05:18:41.601Z");
  CHECK(e.app == "worker-json");
  CHECK(field_or(e, "pm_id") == "1");
  CHECK(field_or(e, "stream") == "stderr");
  CHECK(e.source == SourceKind::app);
  CHECK(field_or(event_at_line(r, 3), "stream") == "stdout");
  CHECK(event_at_line(r, 3).message == "worker starting pid=22640");
}

TEST_CASE("pm2-app-json: a V8 OOM block split over objects stays one record per object", "[pm2]") {
  const auto r = run_parser("pm2-app-json", read_corpus_file("formats/pm2-app-error-json.log"));
  CHECK(r.events.size() == 50);
  CHECK(r.no_match == 0);
  const Event& header = event_at_line(r, 2);
  CHECK(header.message == "\n<--- JS stacktrace --->");
  CHECK(header.app == "openclaw-heap");
  CHECK(header.source == SourceKind::gateway);
  CHECK(event_at_line(r, 3).message ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
        "----- Native stack trace -----");
  const auto out = run_parser("pm2-app-json", read_corpus_file("formats/pm2-app-out-json.log"));
  CHECK(out.events.size() == 3);
  CHECK(event_at_line(out, 1).message ==
        "2026-11-25T05:24:46.168+00:00 [gateway] listening on ws://127.0.0.1:18789 (PID 24286)");
}
