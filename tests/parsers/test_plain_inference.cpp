// What a plain-text line's shape says (plain_inference.hpp): each source's wording, a time at
// the front, the syslog tag, a unit; and prose that must stay untouched.
#include <catch2/catch.hpp>

#include "plain/plain_inference.hpp"

using namespace logdx;

namespace {

Event infer(std::string_view line, int year = 2026) {
  Event event;
  event.message.assign(line);
  PlainInference(ParserOptions{.default_year = year}).infer(event);
  return event;
}

}  // namespace

TEST_CASE("plain: a systemd tag without the syslog header", "[plain]") {
  // systemd v249+ src/core/unit.c "Failed to determine user credentials", pasted without
  // the journal's date and host.
  const Event e = infer(
      "systemd[1965636]: ntpd-rs.service: Failed to determine user credentials: No such process");
  CHECK(e.source == SourceKind::systemd);
  CHECK(e.process == "systemd");
  CHECK(e.pid == 1965636);
  CHECK(e.unit == "ntpd-rs.service");
  CHECK(e.message == "ntpd-rs.service: Failed to determine user credentials: No such process");
  const Event bare =
      infer("systemd: foo.service: Main process exited, code=exited, status=1/FAILURE");
  CHECK(bare.source == SourceKind::systemd);
  CHECK(bare.unit == "foo.service");
  CHECK(bare.field("exit_code") == "1");
}

TEST_CASE("plain: a syslog stamp and tag without a host", "[plain]") {
  // systemd v219 src/core/unit.c: "start request repeated too quickly for %s" / newer wording.
  const Event e = infer(
      "Jun 30 13:25:13 systemd[1]: ananicy.service: Start request repeated too quickly.", 2025);
  CHECK(e.time.has_value());
  CHECK(e.time_text == "Jun 30 13:25:13");
  CHECK(e.source == SourceKind::systemd);
  CHECK(e.unit == "ananicy.service");
  CHECK(e.message == "ananicy.service: Start request repeated too quickly.");
}

TEST_CASE("plain: kernel tag and OOM killer wording", "[plain]") {
  // mm/oom_kill.c: "Out of memory: Killed process %d (%s)" (4.19+), "Kill process %d (%s) score
  // %u or sacrifice child" (before 4.19).
  CHECK(infer("kernel: Out of memory: Killed process 49608 (node) total-vm:11507952kB").source ==
        SourceKind::kernel);
  const Event old = infer("Out of memory: Kill process 1234 (node) score 901 or sacrifice child");
  CHECK(old.source == SourceKind::kernel);
  CHECK(old.process == "kernel");
  CHECK(infer("node invoked oom-killer: gfp_mask=0x14200ca, order=0").source == SourceKind::kernel);
}

TEST_CASE("plain: pm2 daemon wording, old and new", "[plain]") {
  // pm2 0.x lib/God.js logged "App name:%s id:%s online"; pm2.log of that era had the stamp
  // followed by ": " (2016-01-07 08:50:47: ...).
  const Event old = infer("2016-01-07 08:50:47: App name:api id:18 online");
  CHECK(old.source == SourceKind::pm2);
  CHECK(old.app == "api");
  CHECK(old.time_text == "2016-01-07 08:50:47");
  CHECK(old.message == "App name:api id:18 online");
  const Event prefixed = infer("PM2: 2015-06-23 10:00:00: App name:web id:0 exited");
  CHECK(prefixed.source == SourceKind::pm2);
  CHECK(prefixed.app == "web");
  CHECK(prefixed.message == "App name:web id:0 exited");
  CHECK(infer("[PM2] Spawning PM2 daemon with pm2_home=/root/.pm2").source == SourceKind::pm2);
  const Event app = infer("App [server:4] exited with code [1] via signal [SIGINT]");
  CHECK(app.source == SourceKind::pm2);
  CHECK(app.app == "server");
}

TEST_CASE("plain: nginx error body without its date", "[plain]") {
  // src/core/ngx_log.c: "[level] pid#tid: *connection message".
  const Event e = infer(
      "[error] 1234#1234: *56 connect() failed (111: Connection refused) while connecting to "
      "upstream");
  CHECK(e.source == SourceKind::proxy);
  CHECK(e.process == "nginx");
}

TEST_CASE("plain: a time of day in front is taken off the message", "[plain]") {
  const Event e = infer("20:50:48  Received SIGTERM, initiating shutdown");
  CHECK(e.time_text == "20:50:48");
  CHECK_FALSE(e.time.has_value());
  CHECK(e.message == "Received SIGTERM, initiating shutdown");
  const Event bracketed = infer("[2026-03-05 08:20:25] gateway closed");
  CHECK(bracketed.time.has_value());
  CHECK(bracketed.message == "gateway closed");
}

TEST_CASE("plain: prose and lookalikes stay as they are", "[plain]") {
  for (std::string_view line :
       {"Error: listen EADDRINUSE: address already in use 127.0.0.1:18789",
        "Service config looks out of date or non-standard.", "12:00:00", "10:30 meeting notes",
        "node[abc]: not a pid", "Recommendation: run \"openclaw doctor\"", ""}) {
    const Event e = infer(line);
    INFO(line);
    CHECK(e.message == line);
    CHECK(e.source == SourceKind::other);
    CHECK(e.time_text.empty());
  }
}
