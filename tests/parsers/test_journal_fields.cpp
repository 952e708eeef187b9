// Pins the journal field-mode parsers (journal-json, journal-json-pretty, journal-export,
// journal-verbose): the corpus samples, binary export fields whose bytes contain newlines,
// byte-array MESSAGE values, multi-line verbose values, and refusal of other JSON / text.

#include <catch2/catch.hpp>
#include <filesystem>

#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

namespace {

std::string field_or(const Event& e, std::string_view key) {
  return std::string(e.field(key).value_or("<none>"));
}

// "KEY\n" + little-endian 64-bit size + bytes + "\n": the export format's binary-safe field.
std::string binary_field(std::string_view key, std::string_view value) {
  std::string out(key);
  out.push_back('\n');
  std::uint64_t size = value.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  out.append(value);
  out.push_back('\n');
  return out;
}

}  // namespace

TEST_CASE("journal-json reads journalctl -o json: unit, ident, pid, priority, UTC micros",
          "[journal]") {
  const auto r = run_parser("journal-json", read_corpus_file("formats/journalctl-json.log"));
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  const Event& started = r.events[0];
  // _SOURCE_REALTIME_TIMESTAMP, as journalctl's short modes show it.
  CHECK(format_timestamp(started.time) == "2026-02-10T15:05:10.101274Z");
  CHECK(started.time_text == "1770735910101274");
  CHECK(started.process == "systemd");
  CHECK(started.pid == 1);
  CHECK(started.unit == "openclaw-gateway.service");  // UNIT=, not _SYSTEMD_UNIT=init.scope
  CHECK(started.source == SourceKind::systemd);
  CHECK(started.level == Level::info);
  CHECK(started.host == "openclaw-vps");
  CHECK(field_or(started, "transport") == "journal");
  CHECK(field_or(started, "cursor").starts_with("s=143f0499c4814143882dfb9bf60d6a1b;i=1;"));

  const Event& node = r.events[1];
  CHECK(node.process == "node");
  CHECK(node.pid == 4242);
  CHECK(node.unit == "openclaw-gateway.service");
  CHECK(node.source == SourceKind::gateway);
  CHECK(field_or(node, "transport") == "stdout");

  // The user manager's message: USER_UNIT= names the unit, _SYSTEMD_UNIT=user@1000.service.
  const Event& user = r.events[11];
  CHECK(user.unit == "openclaw-gateway.service");
  CHECK(user.pid == 1021);
  CHECK(user.source == SourceKind::systemd);
  CHECK(field_or(user, "manager") == "user");
  CHECK(field_or(started, "manager") == "system");

  const Event& oom = r.events[6];
  CHECK(oom.process == "kernel");
  CHECK(oom.source == SourceKind::kernel);
  CHECK(oom.level == Level::error);
  CHECK(oom.message.starts_with("Out of memory: Killed process 4242 (node)"));
  CHECK(format_timestamp(oom.time) == "2026-02-10T15:20:41.553201Z");
}

TEST_CASE("journal-json reads the real -o json of case 44 whole", "[journal]") {
  const auto r =
      run_parser("journal-json",
                 read_corpus_file("cases/44-negative-oom-kills-postgres-gateway-fine/input.log"));
  REQUIRE(r.events.size() == 39);
  CHECK(r.no_match == 0);
  const Event& oom = r.events[15];
  CHECK(oom.source == SourceKind::kernel);
  CHECK(oom.message ==
        "postgres invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0");
  CHECK(format_timestamp(oom.time) == "2026-07-30T02:24:00.000000Z");
  CHECK(r.events[0].unit == "openclaw-gateway.service");
  CHECK(r.events[0].pid == 3310);
}

TEST_CASE("journal-json decodes byte-array, multi-valued and null MESSAGE values", "[journal]") {
  const std::string text =
      "{\"__CURSOR\":\"s=1\",\"__REALTIME_TIMESTAMP\":\"1770735910101311\",\"MESSAGE\":"
      "[74,111,115,233,32,255],\"_PID\":\"7\",\"SYSLOG_IDENTIFIER\":\"openclaw\"}\n"
      "{\"__REALTIME_TIMESTAMP\":\"1770735910101312\",\"MESSAGE\":[\"first\",\"second\"]}\n"
      "{\"__REALTIME_TIMESTAMP\":\"1770735910101313\",\"MESSAGE\":null,\"PRIORITY\":\"3\"}\n"
      "\x1e{\"__REALTIME_TIMESTAMP\":\"1770735910101314\",\"MESSAGE\":\"json-seq\"}\n";
  const auto r = run_parser("journal-json", text);
  REQUIRE(r.events.size() == 4);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].message == "Jos\xE9 \xFF");
  CHECK(r.events[0].source == SourceKind::gateway);
  CHECK(r.events[1].message == "first");
  CHECK(r.events[2].message.empty());
  CHECK(r.events[2].level == Level::error);
  CHECK(r.events[3].message == "json-seq");
}

TEST_CASE("journal-json refuses other JSON logs and broken JSON", "[journal]") {
  for (std::string_view line :
       {std::string_view("{\"level\":\"info\",\"ts\":1772697600.1,\"msg\":\"handled request\"}"),
        std::string_view(
            "{\"log\":\"x\\n\",\"stream\":\"stdout\",\"time\":\"2026-03-05T08:20:25Z\"}"),
        std::string_view("{\"MESSAGE\":\"no journal field besides it\"}"),
        std::string_view("{\"__CURSOR\":\"s=1\",\"MESSAGE\":\"cut"), std::string_view(""),
        std::string_view("\xFF\xFE{}"), std::string_view("{}"),
        std::string_view("Feb 10 15:05:10 host node[1]: x")}) {
    INFO(line);
    const auto r = run_parser("journal-json", std::string(line) + "\n");
    CHECK(r.events.empty());
    CHECK(r.no_match == 1);
  }
  const std::string huge = "{\"__REALTIME_TIMESTAMP\":\"1770735910101311\",\"MESSAGE\":\"" +
                           std::string(1 << 20, 'a') + "\"}";
  const auto big = run_parser("journal-json", huge);
  REQUIRE(big.events.size() == 1);
  CHECK(big.events[0].message.size() == 1 << 20);
}

TEST_CASE("journal-json-pretty reads a multi-line entry as one record", "[journal]") {
  const auto r =
      run_parser("journal-json-pretty", read_corpus_file("formats/journalctl-json-pretty.log"));
  REQUIRE(r.events.size() == 1);
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 1);  // the opening "{"
  const Event& e = r.events[0];
  CHECK(e.where.line == 2);
  CHECK(e.where.line_count == 31);  // 30 fields and the closing "}"
  CHECK(e.message ==
        "openclaw-gateway.service: A process of this unit has been killed by the OOM killer.");
  CHECK(format_timestamp(e.time) == "2026-02-10T15:20:41.610385Z");
  CHECK(e.unit == "openclaw-gateway.service");
  CHECK(e.source == SourceKind::systemd);
  CHECK(e.level == Level::warning);
  CHECK(e.pid == 1);

  const auto other =
      run_parser("journal-json-pretty", "{\n  \"gateway\": {\n    \"port\": 18789\n  }\n}\n");
  CHECK(other.events.empty());
  CHECK(other.no_match == 4);
}

TEST_CASE("journal-export reads records, including the binary _SELINUX_CONTEXT form", "[journal]") {
  const auto r = run_parser("journal-export", read_corpus_file("formats/journalctl-export.log"));
  REQUIRE(r.events.size() == 23);
  CHECK(r.no_match == 0);
  const Event& first = r.events[0];
  CHECK(first.where.line_count == 35);  // 34 fields, the binary one over 3 lines
  CHECK(first.message == "Started openclaw-gateway.service - OpenClaw Gateway.");
  CHECK(format_timestamp(first.time) == "2026-02-10T15:05:10.101274Z");
  CHECK(first.unit == "openclaw-gateway.service");
  CHECK(first.source == SourceKind::systemd);
  CHECK(first.level == Level::info);
  const Event& node = r.events[1];
  CHECK(node.where.line == 37);
  CHECK(node.process == "node");
  CHECK(node.pid == 4242);
  CHECK(node.source == SourceKind::gateway);
  CHECK(r.events[22].message == "Failed to start openclaw-gateway.service - OpenClaw Gateway.");
}

TEST_CASE("journal-export counts binary bytes across lines, newlines in the size included",
          "[journal]") {
  const std::string text = "__CURSOR=s=1\n__REALTIME_TIMESTAMP=1770735910101311\n" +
                           binary_field("MESSAGE", "line one\nline two\n\nend") +
                           "_PID=42\n_COMM=node\n\n"
                           "__CURSOR=s=2\n__REALTIME_TIMESTAMP=1770735910101312\n" +
                           binary_field("MESSAGE", "0123456789") +  // size 10 is a '\n' byte
                           "_SYSTEMD_UNIT=openclaw-gateway.service\n\n";
  const auto r = run_parser("journal-export", text);
  REQUIRE(r.events.size() == 2);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].message == "line one\nline two\n\nend");
  CHECK(r.events[0].pid == 42);
  CHECK(r.events[0].process == "node");
  CHECK(r.events[1].message == "0123456789");
  CHECK(r.events[1].unit == "openclaw-gateway.service");
  CHECK(r.events[1].source == SourceKind::gateway);
}

TEST_CASE("journal-export refuses env files and survives truncated binary data", "[journal]") {
  const auto env = run_parser("journal-export", "PATH=/usr/bin\nHOME=/root\n\n");
  CHECK(env.events.empty());
  CHECK(env.no_match == 3);
  // A size beyond any real field: not export data; the next trusted field starts afresh.
  const auto absurd = run_parser(
      "journal-export",
      std::string("__CURSOR=s=1\nMESSAGE\n\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F") + "abc\n_PID=1\n");
  CHECK(absurd.events.size() == 2);
  CHECK(absurd.no_match == 1);
  // A size larger than what follows (input cut short): the record keeps what it had.
  const auto cut =
      run_parser("journal-export", std::string("__CURSOR=s=1\n_PID=9\nMESSAGE\n\xE8\x03") +
                                       std::string(6, '\0') + "abc\n_PID=1\n");
  REQUIRE(cut.events.size() == 1);
  CHECK(cut.no_match == 0);
  CHECK(cut.events[0].pid == 9);
  const auto garbage = run_parser("journal-export", "\x01\x02\xFF garbage\n\nlower=case\n");
  CHECK(garbage.events.empty());
  CHECK(garbage.no_match == 3);
}

TEST_CASE("journal-verbose reads header time and indented fields, multi-line values", "[journal]") {
  const auto r = run_parser("journal-verbose", read_corpus_file("formats/journalctl-verbose.log"));
  REQUIRE(r.events.size() == 7);
  CHECK(r.no_match == 0);
  const Event& kernel = r.events[0];
  CHECK(kernel.where.line_count == 10);
  CHECK(format_timestamp(kernel.time) == "2026-02-10T15:20:41.553104Z");
  CHECK(kernel.time_text == "Tue 2026-02-10 15:20:41.553104 UTC");
  CHECK(kernel.source == SourceKind::kernel);
  CHECK(kernel.level == Level::warning);
  CHECK(field_or(kernel, "cursor").starts_with("s=143f0499c4814143882dfb9bf60d6a1b;i=5;"));
  const Event& failed = r.events[4];
  CHECK(failed.message == "openclaw-gateway.service: Failed with result 'oom-kill'.");
  CHECK(failed.unit == "openclaw-gateway.service");
  CHECK(failed.source == SourceKind::systemd);
  CHECK(field_or(failed, "result") == "oom-kill");

  const std::string multi =
      "Tue 2026-02-10 15:20:48.804079 UTC [s=1;i=2]\n"
      "    _PID=5188\n"
      "    MESSAGE=Error: listen EADDRINUSE: address already in use 127.0.0.1:18789\n"
      "                at Server.setupListenHandle (node:net:1908:16)\n"
      "    _SYSTEMD_UNIT=openclaw-gateway.service\n"
      "not a verbose line\n";
  const auto m = run_parser("journal-verbose", multi);
  REQUIRE(m.events.size() == 1);
  CHECK(m.no_match == 1);
  CHECK(m.events[0].message ==
        "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789\n"
        "    at Server.setupListenHandle (node:net:1908:16)");
  CHECK(m.events[0].source == SourceKind::gateway);
  CHECK(m.events[0].where.line_count == 5);
}

TEST_CASE("journal field-mode parsers claim no event in any other format's sample", "[journal]") {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(std::string(LOGDX_CORPUS_DIR) + "/formats")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".log") || name.starts_with("journalctl-")) continue;
    ++files;
    const std::string text = read_corpus_file("formats/" + name);
    for (std::string_view parser :
         {"journal-json", "journal-json-pretty", "journal-export", "journal-verbose"}) {
      INFO(parser << " on " << name);
      CHECK(run_parser(parser, text).events.empty());
    }
  }
  CHECK(files > 50);
}
