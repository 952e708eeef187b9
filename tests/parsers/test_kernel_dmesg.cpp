// Pins the dmesg parsers on every dmesg sample: record counts, the indented Mem-Info /
// memcg-stats continuations, stamps, levels from -x / -r prefixes, and refusal of other shapes.

#include <catch2/catch.hpp>
#include <string>

#include "logdx/parsers/line_format.hpp"
#include "logdx/parsers/text_events.hpp"
#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

namespace {

// The Mem-Info record as the kernel wrote it, once dmesg's indentation is taken off.
const std::string kMemInfo =
    "active_anon:380862 inactive_anon:54 isolated_anon:0\n"
    " active_file:41 inactive_file:0 isolated_file:0\n"
    " unevictable:0 dirty:0 writeback:0\n"
    " slab_reclaimable:5012 slab_unreclaimable:9130\n"
    " mapped:28 shmem:61 pagetables:1079\n"
    " sec_pagetables:0 bounce:0\n"
    " kernel_misc_reclaimable:0\n"
    " free:13088 free_pcp:62 free_cma:0";

const Event* find_message(const std::vector<Event>& events, std::string_view prefix) {
  for (const auto& e : events) {
    if (std::string_view(e.message).substr(0, prefix.size()) == prefix) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("dmesg reads raw monotonic stamps and folds the indented Mem-Info lines", "[kernel]") {
  const auto r = run_parser("dmesg", read_corpus_file("formats/dmesg-raw.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 64);  // 71 lines, 7 of them Mem-Info continuations

  const Event& first = r.events.front();
  CHECK(first.time.kind == TimeKind::monotonic);
  CHECK(format_timestamp(first.time) ==
        format_timestamp(
            Timestamp{TimeKind::monotonic, TimePrecision::micros, 1187204511000, false}));
  CHECK(first.time_text == "[ 1187.204511]");
  CHECK(first.source == SourceKind::kernel);
  CHECK(first.process == "kernel");
  CHECK(first.level == Level::unknown);
  CHECK(first.message.substr(0, 27) == "audit: type=1400 audit(1770");

  const Event* mem = find_message(r.events, "active_anon:380862");
  REQUIRE(mem != nullptr);
  CHECK(mem->message == kMemInfo);
  CHECK(mem->where.line_count == 8);

  const Event* frame = find_message(r.events, " dump_stack_lvl");
  REQUIRE(frame != nullptr);
  CHECK(frame->message == " dump_stack_lvl+0x44/0x5c");  // the frame's own indent is kept

  const Event& last = r.events.back();
  CHECK(last.message ==
        "oom_reaper: reaped process 4242 (node), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB");
  CHECK(last.time.nanos == 2198047992000);
  CHECK_FALSE(last.pid.has_value());  // the killed pid is the rule engine's to read
}

TEST_CASE("dmesg keeps memcg OOM stats lines with their record", "[kernel]") {
  const auto r = run_parser("dmesg", read_corpus_file("formats/dmesg-memcg-oom.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 37);  // 47 lines, 10 memcg stat continuations
  const Event* stats = find_message(r.events, "anon 1058762752");
  REQUIRE(stats != nullptr);
  CHECK(stats->where.line_count == 11);
  CHECK(stats->message.substr(stats->message.size() - 12) == "\n oom_kill 0");
  const Event* killed = find_message(r.events, "Memory cgroup out of memory: Killed process 23817");
  REQUIRE(killed != nullptr);
  CHECK(killed->time_text == "[ 5012.331190]");
}

TEST_CASE("dmesg-ctime reads dmesg -T local stamps", "[kernel]") {
  const auto r = run_parser("dmesg-ctime", read_corpus_file("formats/dmesg-T-ctime.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 64);
  CHECK(r.events[2].time.kind == TimeKind::local);
  CHECK(format_timestamp(r.events[2].time) == "2026-03-05T08:11:58");
  CHECK(r.events[2].time_text == "Thu Mar  5 08:11:58 2026");
  CHECK(r.events[2].message.substr(0, 21) == "[UFW BLOCK] IN=eth0 O");
  CHECK(r.events[2].source == SourceKind::kernel);
  const Event* mem = find_message(r.events, "active_anon:380862");
  REQUIRE(mem != nullptr);
  CHECK(mem->message == kMemInfo);
}

TEST_CASE("dmesg-decode takes facility and level from the -x prefix", "[kernel]") {
  const auto r = run_parser("dmesg-decode", read_corpus_file("formats/dmesg-decode-x.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 64);
  CHECK(r.events[0].level == Level::info);
  CHECK(r.events[0].field("facility") == "kern");
  CHECK(r.events[2].level == Level::warning);
  CHECK(r.events[2].time.nanos == 1532887102000);
  const Event* killed = find_message(r.events, "Out of memory: Killed process 4242 (node)");
  REQUIRE(killed != nullptr);
  CHECK(killed->level == Level::error);
  CHECK(killed->process == "kernel");
  const Event* mem = find_message(r.events, "active_anon:380862");
  REQUIRE(mem != nullptr);
  CHECK(mem->message == kMemInfo);
}

TEST_CASE("dmesg-decode reads the err/warn-only rendering", "[kernel]") {
  const auto r = run_parser("dmesg-decode", read_corpus_file("formats/dmesg-level-err-warn.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 49);  // 56 lines, 7 continuations
  CHECK(r.events.front().level == Level::warning);
  CHECK(r.events.back().level == Level::error);
  CHECK(r.events.back().time_text == "[ 2198.039625]");
}

TEST_CASE("dmesg-raw-prio maps <N> to level and facility, raw continuations kept", "[kernel]") {
  const auto r = run_parser("dmesg-raw-prio", read_corpus_file("formats/dmesg-r-raw-prio.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 64);
  CHECK(r.events[0].level == Level::info);
  CHECK(r.events[3].level == Level::warning);
  CHECK(r.events[3].message.substr(0, 25) == "node invoked oom-killer: ");
  const Event* killed = find_message(r.events, "Out of memory: Killed process 4242");
  REQUIRE(killed != nullptr);
  CHECK(killed->level == Level::error);
  CHECK(killed->field("facility") == "kern");
  const Event* mem = find_message(r.events, "active_anon:380862");
  REQUIRE(mem != nullptr);
  CHECK(mem->message == kMemInfo);
}

TEST_CASE("dmesg-raw-prio decodes facility*8+level and userspace idents", "[kernel]") {
  // <30> = daemon (3) * 8 + info (6): a userspace writer, so its ident and pid are read.
  const auto r = run_parser("dmesg-raw-prio",
                            "<30>[    4.120000] systemd[1]: Started Journal Service.\n"
                            "<3>[    5.000000] EXT4-fs error\n");
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].level == Level::info);
  CHECK(r.events[0].field("facility") == "daemon");
  CHECK(r.events[0].process == "systemd");
  CHECK(r.events[0].pid == 1);
  CHECK(r.events[0].source == SourceKind::systemd);
  CHECK(r.events[0].message == "systemd[1]: Started Journal Service.");
  CHECK(r.events[1].level == Level::error);
  CHECK(r.events[1].process == "kernel");
  CHECK(run_parser("dmesg-raw-prio", "<192>[    4.120000] x\n").no_match == 1);
}

TEST_CASE("dmesg-decode accepts -T stamps and -t (no stamp)", "[kernel]") {
  const auto r = run_parser("dmesg-decode",
                            "kern  :err   : [Thu Mar  5 08:23:04 2026] Out of memory\n"
                            "kern  :notice: no stamp here\n");
  REQUIRE(r.events.size() == 2);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:23:04");
  CHECK(r.events[0].level == Level::error);
  CHECK(r.events[1].level == Level::notice);
  CHECK_FALSE(r.events[1].time.has_value());
  CHECK(r.events[1].message == "no stamp here");
}

TEST_CASE("dmesg parsers refuse other formats, garbage and truncated prefixes", "[kernel]") {
  const std::string huge = "[ 1.000000] " + std::string(1 << 20, 'x');
  for (const char* name : {"dmesg", "dmesg-ctime", "dmesg-decode", "dmesg-raw-prio"}) {
    INFO(name);
    for (std::string_view bad :
         {std::string_view("Mar  5 08:23:04 oc-gw-01 kernel: [ 2198.039371] node invoked"),
          std::string_view("2026-02-10T15:05:10.123+00:00 [gateway] ready"),
          std::string_view("[ 2198.03"), std::string_view("[Thu Mar  5 08:23"),
          std::string_view("kern  :bogus : [ 1.0] x"), std::string_view("<6>"),
          std::string_view("\xff\xfe\x00garbage", 10), std::string_view(""),
          std::string_view("   indented without an open record")}) {
      const auto r = run_parser(name, bad);
      CHECK(r.events.empty());
    }
  }
  // A line starting with whitespace after another format's line is not a continuation.
  CHECK(run_parser("dmesg", "not dmesg\n   active_file:41\n").no_match == 2);
  const auto big = run_parser("dmesg", huge);
  REQUIRE(big.events.size() == 1);
  CHECK(big.events[0].message.size() == std::size_t{1} << 20);
  CHECK(run_parser("dmesg-ctime", huge).no_match == 1);
  CHECK(run_parser("dmesg", "[ 1.000000]x\n").no_match == 1);
}

TEST_CASE("dmesg parsers read the dmesg inputs of cases 07 and 21", "[kernel]") {
  const auto c07 = run_parser(
      "dmesg-ctime", read_corpus_file("cases/07-oom-kernel-gateway-plus-dmesg/input-2.log"));
  CHECK(c07.no_match == 0);
  REQUIRE(c07.events.size() == 50);  // 57 lines, 7 Mem-Info continuations
  const Event* killed = find_message(c07.events, "Out of memory: Killed process 31877 (node)");
  REQUIRE(killed != nullptr);
  CHECK(format_timestamp(killed->time) == "2026-03-05T08:23:05");

  const auto c21 = run_parser(
      "dmesg", read_corpus_file("cases/21-none-oom-kill-of-postgres-not-gateway/input-2.log"));
  CHECK(c21.no_match == 0);
  REQUIRE(c21.events.size() == 17);
  CHECK(c21.events[0].message ==
        "EXT4-fs (vda1): resizing filesystem from 10485504 to 20971264 blocks");
  CHECK(c21.events[0].time_text == "[37985.551804]");
}

TEST_CASE("dmesg refuses journalctl -o short-monotonic lines (host and ident after the stamp)",
          "[kernel]") {
  const auto r = run_parser("dmesg", read_corpus_file("formats/journalctl-short-monotonic.log"));
  CHECK(r.events.empty());
  // Kernel texts that merely have a colon early stay dmesg records.
  const auto ok = run_parser("dmesg",
                             "[    1.000000] Hardware name: QEMU Standard PC\n"
                             "[    2.000000] usb 1-1: new high-speed USB device\n"
                             "[    3.000000] traps: node[4242] general protection fault\n");
  CHECK(ok.events.size() == 3);
}

namespace {

// The built-in parsers and the pack's `syslog-tag` format (rules/00-formats.yaml), which reads
// "name[pid]: text" as a syslog message that lost its header.
ParserRegistry registry_with_syslog_tag() {
  ParserRegistry registry = ParserRegistry::builtin();
  auto tag = LineFormat::compile(
      {"syslog-tag", R"((?P<process>[A-Za-z][\w.@/-]{0,47})\[(?P<pid>\d{1,10})\]: (?P<message>.*))",
       "", std::nullopt, "a syslog message without its header: name[pid]: text"});
  REQUIRE(std::holds_alternative<LineFormatPtr>(tag));
  add_line_formats(registry, {std::get<LineFormatPtr>(tag)});
  return registry;
}

}  // namespace

// Linux arch/x86/mm/fault.c show_signal_msg: "%s[%d]: segfault at %lx ip %px sp %px error %lx"
// then " in %s[%lx+%lx]" (4.x-6.x; 2.6.18-2.6.24 x86_64 "rip"/"rsp"). The comm[pid] is the task
// the kernel reports on, so it stays in the message in every envelope, and alone.
TEST_CASE("a kernel segfault report keeps its comm[pid] in every envelope and alone", "[kernel]") {
  const ParserRegistry registry = registry_with_syslog_tag();
  const std::string report =
      "node[2211]: segfault at 10 ip 0000563f1a2b3c4d sp 00007ffd9e8f7a60 error 4 in "
      "node[563f18e00000+4b1c000]";
  for (const std::string& line :
       {report,                                                   // dmesg --notime, -o cat
        "[ 4321.123456] " + report,                               // raw dmesg
        "Mar  5 08:20:25 gw kernel: " + report,                   // journalctl -k, syslog
        "Mar  5 08:20:25 gw kernel: [2617126.913439] " + report,  // kern.log (imklog)
        "> " + report}) {                                         // quoted in Markdown
    INFO(line);
    const auto events = read_text_events(registry, line, "paste");
    REQUIRE(events.size() == 1);
    CHECK(events[0].message == report);
    CHECK(events[0].source == SourceKind::kernel);
    CHECK(events[0].process == "kernel");
    CHECK_FALSE(events[0].pid.has_value());
  }
  const auto old = read_text_events(
      registry, "ruby[4411]: segfault at 7f00 rip 00002b6a rsp 00007fff error 4", "paste");
  REQUIRE(old.size() == 1);
  CHECK(old[0].message.starts_with("ruby[4411]: segfault at"));
}

TEST_CASE("a syslog tag before other text, or a sentence quoting a segfault, stays as it was",
          "[kernel]") {
  const ParserRegistry registry = registry_with_syslog_tag();
  // a userspace writer to /dev/kmsg in raw dmesg (systemd 252), and a bare syslog line
  const auto kmsg =
      read_text_events(registry, "[    3.100000] systemd[1]: Detected architecture x86-64.", "p");
  REQUIRE(kmsg.size() == 1);
  CHECK(kmsg[0].process == "systemd");
  CHECK(kmsg[0].pid == 1);
  CHECK(kmsg[0].message == "Detected architecture x86-64.");
  const auto app = read_text_events(
      registry, "node[2311]: Error: listen EADDRINUSE: address already in use 127.0.0.1:18789",
      "p");
  REQUIRE(app.size() == 1);
  CHECK(app[0].process == "node");
  CHECK(app[0].pid == 2311);
  CHECK(app[0].message == "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789");
  // the word alone is no report; a comm longer than the kernel's 15 bytes is prose
  for (const std::string_view line :
       {"node[2311]: segfault at startup, any idea?",
        "user: it says node[1234]: segfault at 0 ip 00007f6dc41f1072 sp 00007fff2d3e9f20"}) {
    INFO(line);
    const auto events = read_text_events(registry, line, "p");
    REQUIRE(events.size() == 1);
    CHECK(events[0].source != SourceKind::kernel);
  }
}
