// Pins the dmesg parsers on every dmesg sample: record counts, the indented Mem-Info /
// memcg-stats continuations, stamps, levels from -x / -r prefixes, and refusal of other shapes.

#include <catch2/catch.hpp>
#include <string>

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
