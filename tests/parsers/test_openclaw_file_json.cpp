// openclaw-file-json: every JSON-lines file log in corpus/real (and case 20), the tslog
// argument layout (subsystem JSON inside "0", object arguments as fields), and refusal of other
// JSON shapes and garbage.

#include <catch2/catch.hpp>

#include "openclaw_test_util.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

struct JsonFile {
  const char* path;
  std::size_t records;
};

constexpr JsonFile kFileLogs[] = {
    {"real/01-healthy-start/input-2.log", 60},
    {"real/02-missing-config-no-file/input-2.log", 1},
    {"real/03-missing-config-mode-unset/input-3.log", 3},
    {"real/04-invalid-config-bad-json/input-5.log", 23},
    {"real/05-invalid-config-wrong-type/input-5.log", 9},
    {"real/06-port-conflict-foreign-process/input-4.log", 64},
    {"real/07-port-conflict-second-gateway/input-5.log", 49},
    {"real/07-port-conflict-second-gateway/input-6.log", 13},
    {"real/08-token-mismatch/input-5.log", 67},
    {"real/09-device-token-mismatch/input-5.log", 116},
    {"real/10-gateway-not-running/input-5.log", 53},
    {"real/11-pm2-restart-loop-gateway-missing-config/input-3.log", 38},
    {"real/12-pm2-errored-gateway-missing-config/input-3.log", 5},
    {"real/13-pm2-restart-loop-gateway-port-conflict/input-4.log", 80},
    {"real/15-node-heap-oom-gateway/input-4.log", 5},
    {"real/19-pm2-gateway-config-autorestored/input-4.log", 47},
    {"real/20-refuse-bind-without-auth-container/input-3.log", 4},
    {"real/21-logs-needs-credentials-runtime-token/input-4.log", 60},
    {"real/22-pm2-healthy-gateway/input-3.log", 56},
    {"cases/20-none-healthy-normal-closes-jsonl/input.log", 48},
};

}  // namespace

TEST_CASE("openclaw-file-json parses every file log line in the corpus", "[openclaw]") {
  for (const auto& file : kFileLogs) {
    CAPTURE(file.path);
    const auto result = run_parser("openclaw-file-json", read_corpus_file(file.path));
    CHECK(result.events.size() == file.records);
    CHECK(result.no_match == 0);
    for (const auto& event : result.events) {
      CHECK(event.source == SourceKind::gateway);
      CHECK(event.time.kind == TimeKind::utc);
      CHECK(event.level != Level::unknown);
      CHECK_FALSE(event.host.empty());
    }
  }
}

TEST_CASE("openclaw-file-json reads subsystem, level, host and structured arguments",
          "[openclaw]") {
  const auto result =
      run_parser("openclaw-file-json", read_corpus_file("real/08-token-mismatch/input-5.log"));
  REQUIRE(result.events.size() == 67);
  const Event& unauthorized = result.events[14];
  CHECK(unauthorized.subsystem == "gateway/ws");
  CHECK(unauthorized.level == Level::warning);
  CHECK(unauthorized.host == "vm");
  CHECK(unauthorized.time_text == "2026-11-25T04:50:37.531+00:00");
  CHECK(format_timestamp(unauthorized.time) == "2026-11-25T04:50:37.531Z");
  CHECK(unauthorized.message.rfind("unauthorized conn=271b376e-045b-4bd5-8c05-5e195d1eba7c", 0) ==
        0);
  CHECK(unauthorized.message.find("reason=token_mismatch") != std::string::npos);
  CHECK(field_or_empty(unauthorized, "traceFlags") == "01");

  const Event& closed = result.events[18];
  CHECK(closed.message.rfind("closed before connect conn=271b376e", 0) == 0);
  CHECK(field_or_empty(closed, "authReason") == "token_mismatch");
  CHECK(field_or_empty(closed, "remotePort") == "47550");
  CHECK(field_or_empty(closed, "allowTailscale") == "false");
  CHECK(format_timestamp(closed.time) == "2026-11-25T04:50:37.655Z");
}

TEST_CASE("openclaw-file-json takes the module as subsystem and forwarded console text as is",
          "[openclaw]") {
  const auto result =
      run_parser("openclaw-file-json", read_corpus_file("real/01-healthy-start/input-2.log"));
  REQUIRE(result.events.size() == 60);
  const Event& first = result.events[0];
  CHECK(first.message == "Updated gateway.mode. Restart the gateway to apply.");
  CHECK(first.subsystem.empty());
  CHECK(first.level == Level::info);
  CHECK(first.time_text == "2026-11-25T04:41:55.374+00:00");  // "time" wins over _meta.date

  const Event& cron = event_starting_with(result, "cron: job added");
  CHECK(cron.subsystem == "cron");
  CHECK(field_or_empty(cron, "module") == "cron");
  CHECK(field_or_empty(cron, "storeKey") == "/home/ocuser/.openclaw/cron/jobs.json");
  CHECK(field_or_empty(cron, "jobName") == "Memory Dreaming Promotion");
  CHECK(field_or_empty(cron, "nextRunAtMs") == "1795662000000");

  const auto blocked =
      run_parser("openclaw-file-json",
                 read_corpus_file("real/11-pm2-restart-loop-gateway-missing-config/input-3.log"));
  const Event& refusal = event_starting_with(blocked, "Gateway start blocked:");
  CHECK(refusal.level == Level::error);
  CHECK(refusal.message.find("\nConfig write audit: SQLite") != std::string::npos);
}

TEST_CASE("openclaw-file-json falls back to the arguments when there is no message key",
          "[openclaw]") {
  Event e;
  REQUIRE(
      verdict_of("openclaw-file-json",
                 R"({"0":"{\"subsystem\":\"gateway/ws\"}","1":{"code":1008},"2":"closed","_meta":)"
                 R"({"date":"2026-11-25T04:50:37.655Z","logLevelId":5,"hostname":"h"}})",
                 e) == LineVerdict::record);
  CHECK(e.message == "closed");
  CHECK(e.subsystem == "gateway/ws");
  CHECK(e.level == Level::error);
  CHECK(e.host == "h");
  CHECK(field_or_empty(e, "code") == "1008");
  CHECK(e.time_text == "2026-11-25T04:50:37.655Z");
  Event empty;
  REQUIRE(verdict_of("openclaw-file-json", R"({"0":"","_meta":{"logLevelName":"INFO"}})", empty) ==
          LineVerdict::record);
  CHECK(empty.message.empty());
}

TEST_CASE("openclaw-file-json keeps a record whose text has invalid UTF-8", "[openclaw]") {
  Event e;
  REQUIRE(verdict_of("openclaw-file-json",
                     "{\"0\":\"caf\xe9 \xff ok \xc3\xa9\",\"_meta\":{\"logLevelName\":\"WARN\"}}",
                     e) == LineVerdict::record);
  CHECK(e.message == "caf? ? ok \xc3\xa9");
  CHECK(e.level == Level::warning);
}

TEST_CASE("openclaw-file-json refuses other JSON, truncated lines and garbage", "[openclaw]") {
  for (std::string_view bad :
       {R"({"level":"info","msg":"handled request"})",                       // caddy
        R"({"log":"x\n","stream":"stdout","time":"2026-03-05T08:20:25Z"})",  // docker json-file
        R"({"0":"no meta"})", R"({"_meta":{"logLevelName":"INFO"},"message":"no arguments"})",
        R"({"type":"log","time":"2026-11-25T04:41:55.374+00:00","level":"info"})",
        R"({"0":"x","_meta":{"logLevelName":"IN)",  // truncated
        "2026-11-25T04:42:36.549+00:00 [gateway] x", "[1,2,3]", "", "{", "\xff\xfe{"}) {
    CAPTURE(bad);
    Event e;
    CHECK(verdict_of("openclaw-file-json", bad, e) == LineVerdict::no_match);
  }
  Event huge;
  CHECK(verdict_of("openclaw-file-json", "{\"0\":\"" + std::string(1 << 20, 'x'), huge) ==
        LineVerdict::no_match);
  Event big;
  CHECK(verdict_of("openclaw-file-json",
                   R"({"0":")" + std::string(1 << 20, 'y') + R"(","_meta":{"logLevelId":3}})",
                   big) == LineVerdict::record);
  CHECK(big.message.size() == (1u << 20));
}
