// Carry-forward stops at a change of format: a mixed paste (`dmesg`, then `pm2 logs` or
// `journalctl -u X`) must not give one block's unstamped lines the other block's clock.
#include <catch2/catch.hpp>

#include "logdx/engine/carried_time.hpp"
#include "logdx/engine/time_window.hpp"

using namespace logdx;

namespace {

// A raw `dmesg` line (linux 6.1 mm/oom_kill.c __oom_kill_process), seconds since boot.
Event dmesg_kill() {
  Event event;
  event.time = Timestamp{TimeKind::monotonic, TimePrecision::micros, 2198039625000LL};
  event.time_text = "[ 2198.039625]";
  event.source = SourceKind::kernel;
  event.parser = "dmesg";
  event.message = "Out of memory: Killed process 4242 (node) total-vm:11894452kB";
  return event;
}

// `pm2 logs` streaming lines carry no stamp (pm2 5.x God daemon, `PM2 | App [bot:0] ...`, and
// the app's own `0|bot | ...` lines).
Event pm2_line(SourceKind source, std::string message) {
  Event event;
  event.source = source;
  event.parser = "pm2-logs";
  event.app = "bot";
  event.message = std::move(message);
  return event;
}

// A line no format claimed; PlainInference names its writer when its wording says who.
Event plain_line(SourceKind source, std::string message) {
  Event event;
  event.source = source;
  event.parser = "plain";
  event.message = std::move(message);
  return event;
}

Event journal_line(const char* iso, std::string message) {
  Event event;
  event.time = *parse_iso8601(iso);
  event.time_text = iso;
  event.source = SourceKind::systemd;
  event.parser = "syslog-bsd";
  event.unit = "api.service";
  event.message = std::move(message);
  return event;
}

}  // namespace

TEST_CASE("carry-forward: an unstamped line of the same block takes the block's time",
          "[carried-time]") {
  CarriedTime carried;
  carried.observe(dmesg_kill());
  const Event trace = plain_line(SourceKind::other, "  dump_stack_lvl+0x44/0x5c");
  carried.observe(trace);
  CHECK(carried.effective(trace.time).kind == TimeKind::monotonic);
  CHECK(carried.last_text() == "[ 2198.039625]");
}

TEST_CASE("carry-forward stops at a change of format: pm2 lines after dmesg have no time",
          "[carried-time]") {
  CarriedTime carried;
  carried.observe(dmesg_kill());
  const Event exit =
      pm2_line(SourceKind::pm2, "App [bot:0] exited with code [null] via signal [SIGKILL]");
  carried.observe(exit);
  CHECK_FALSE(carried.effective(exit.time).has_value());
  CHECK(carried.last_text().empty());
  // The app's plain-looking lines after it belong to the pm2 block, not to the kernel's.
  const Event error = plain_line(SourceKind::other, "Error: connect ECONNREFUSED 127.0.0.1:5432");
  carried.observe(error);
  CHECK_FALSE(carried.effective(error.time).has_value());
}

TEST_CASE("carry-forward: a plain line whose wording names another writer starts its block",
          "[carried-time]") {
  CarriedTime carried;
  carried.observe(dmesg_kill());
  // "PM2 | App [bot:0] exited ..." pasted without its column, read as plain text with pm2's
  // wording: pm2's, not the kernel's.
  const Event exit = plain_line(SourceKind::pm2, "App [bot:0] exited with code [1]");
  carried.observe(exit);
  CHECK_FALSE(carried.effective(exit.time).has_value());
}

TEST_CASE("carry-forward starts again at the next stamped line", "[carried-time]") {
  CarriedTime carried;
  carried.observe(dmesg_kill());
  carried.observe(pm2_line(SourceKind::app, "listening on :8080"));
  carried.observe(journal_line("2026-02-10T15:20:41Z",
                               "api.service: Main process exited, code=killed, status=9/KILL"));
  Event header;
  header.parser = "syslog-bsd";
  header.source = SourceKind::systemd;
  carried.observe(header);
  REQUIRE(carried.effective(header.time).has_value());
  CHECK(carried.effective(header.time).kind == TimeKind::utc);
}

TEST_CASE("carry-forward: the outermost envelope is the format (a pm2 line inside a journal)",
          "[carried-time]") {
  CarriedTime carried;
  Event stamped = journal_line("2026-02-10T15:20:41Z", "0|bot | started");
  stamped.envelopes = {"syslog-bsd", "pm2-logs"};
  carried.observe(stamped);
  Event inner = pm2_line(SourceKind::app, "at Server.listen (node:net:2067:7)");
  inner.envelopes = {"syslog-bsd", "pm2-logs"};
  carried.observe(inner);
  CHECK(carried.effective(inner.time).has_value());
}

TEST_CASE("carry-forward: behind one peeled prefix, dmesg and pm2 are still two formats",
          "[carried-time]") {
  // `box1: [ 2198.039625] Out of memory: ...` then `box1: PM2 | App [bot:0] exited ...`: the
  // prefix peeler records "prefix" before the envelope it found behind it.
  CarriedTime carried;
  Event kill = dmesg_kill();
  kill.envelopes = {"prefix", "dmesg"};
  carried.observe(kill);
  Event exit = pm2_line(SourceKind::pm2, "App [bot:0] exited with code [null] via signal [SIGKILL]");
  exit.envelopes = {"prefix", "pm2-logs"};
  carried.observe(exit);
  CHECK_FALSE(carried.effective(exit.time).has_value());
  // The same prefix before the same format is one block.
  CarriedTime same;
  same.observe(kill);
  Event trace = plain_line(SourceKind::other, "  dump_stack_lvl+0x44/0x5c");
  trace.envelopes = {"prefix", "dmesg"};
  same.observe(trace);
  CHECK(same.effective(trace.time).kind == TimeKind::monotonic);
}

TEST_CASE("the time window (since) keeps the unstamped lines of a block after raw dmesg", "[carried-time]") {
  const std::int64_t since = parse_iso8601("2026-02-10T15:00:00Z")->nanos;
  TimeWindow window(TimeBound{since, since}, std::nullopt);
  CHECK_FALSE(window.keep(journal_line("2026-02-10T14:00:00Z", "old"), 0));
  CHECK(window.keep(dmesg_kill(), 0));  // seconds since boot cannot be judged
  // pm2 lines after dmesg: neither the kernel's boot time nor the old journal time is theirs.
  CHECK(window.keep(pm2_line(SourceKind::pm2, "App [bot:0] online"), 0));
  CHECK(window.dropped() == 1);
  // Right after the old journal line: carried, its 14:00 would drop the pm2 line.
  TimeWindow direct(TimeBound{since, since}, std::nullopt);
  CHECK_FALSE(direct.keep(journal_line("2026-02-10T14:00:00Z", "old"), 0));
  CHECK(direct.keep(pm2_line(SourceKind::pm2, "App [bot:0] online"), 0));
  // ... while the journal's own unstamped continuation takes it and is dropped with it.
  Event continuation = journal_line("2026-02-10T14:00:00Z", "  at Module._compile");
  continuation.time = {};
  CHECK_FALSE(direct.keep(journal_line("2026-02-10T14:00:00Z", "old"), 0));
  CHECK_FALSE(direct.keep(continuation, 0));
}
