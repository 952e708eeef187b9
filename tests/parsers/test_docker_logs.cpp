// Pins docker logs -t, docker compose logs / up and the json-file driver on their samples and
// on the docker cases: record counts, stamps, service -> unit, stream, ANSI prefixes, and
// refusal of other shapes.

#include <catch2/catch.hpp>
#include <string>

#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

namespace {

const std::string kHuge(std::size_t{1} << 20, 'x');

void check_refuses_bad_input(const char* name) {
  INFO(name);
  for (std::string_view bad :
       {std::string_view(""), std::string_view("\xff\xfe\x01\x80 garbage", 13),
        std::string_view("Mar  5 08:23:04 oc-gw-01 kernel: [ 2198.039371] node invoked"),
        std::string_view("2026-02-10T15:05:10.123+00:00 [gateway] ready"),
        std::string_view("2026-02-10T15:05:10.1234"), std::string_view("[ 2198.039371] x"),
        std::string_view("PM2        | App [openclaw:0] starting in -fork mode-"),
        std::string_view("0|openclaw  | 2026-02-10T15:05:10.123+00:00 [gateway] ready"),
        std::string_view("{\"level\":\"info\",\"ts\":1770735915.6234,\"msg\":\"x\"}"),
        std::string_view("openclaw-gateway-1  ")}) {
    const auto r = run_parser(name, bad);
    CHECK(r.events.empty());
  }
  CHECK(run_parser(name, kHuge).events.empty());
}

}  // namespace

TEST_CASE("docker-timestamps reads docker logs -t and keeps the app's line whole", "[docker]") {
  const auto r =
      run_parser("docker-timestamps", read_corpus_file("formats/docker-logs-timestamps.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 14);
  const Event& first = r.events[0];
  CHECK(format_timestamp(first.time) == "2026-02-10T15:05:10.123456000Z");
  CHECK(first.time.precision == TimePrecision::nanos);
  CHECK(first.time_text == "2026-02-10T15:05:10.123456000Z");
  CHECK(first.message ==
        "2026-02-10T15:05:10.123+00:00 [gateway] loading configuration\xe2\x80\xa6");
  CHECK(first.source == SourceKind::app);
  CHECK(r.events[10].message == "<--- Last few GCs --->");
  CHECK(format_timestamp(r.events[10].time) == "2026-02-10T15:20:23.123456000Z");
}

TEST_CASE("docker-timestamps reads cases 04, 42 and 50 (docker logs -t)", "[docker]") {
  const auto c04 = run_parser("docker-timestamps",
                              read_corpus_file("cases/04-invalid-config-docker-restart/input.log"));
  CHECK(c04.no_match == 0);
  CHECK(c04.events.size() == 60);
  CHECK(c04.events[6].message ==
        "openclaw.json:7 \xe2\x80\x94 gateway.auth.mode: Invalid option: expected one of "
        "\"none\"|\"token\"|\"password\"|\"trusted-proxy\"");
  const auto c42 = run_parser(
      "docker-timestamps",
      read_corpus_file("cases/42-restart-loop-supervisor-watchdog-healthcheck/input.log"));
  CHECK(c42.no_match == 0);
  REQUIRE(c42.events.size() == 181);
  CHECK(c42.events[2].message ==
        "2026-05-19T22:01:01.100+00:00 [gateway] loading configuration\xe2\x80\xa6");
  CHECK(c42.events[2].time_text == "2026-05-19T22:01:01.100000239Z");
  const auto c50 =
      run_parser("docker-timestamps",
                 read_corpus_file("cases/50-restart-loop-docker-silent-exit/input-1.log"));
  CHECK(c50.no_match == 0);
  REQUIRE(c50.events.size() == 44);
  CHECK(c50.events[0].message == "[entrypoint] preparing /data (uid 1000)");
}

TEST_CASE("docker-timestamps takes an empty container line and offsets", "[docker]") {
  const auto r = run_parser("docker-timestamps",
                            "2026-02-10T15:05:10.123456000Z \n"
                            "2026-02-10T16:05:10.123456000+01:00 x\n"
                            "2026-02-10T15:05:10.123456000Zx\n");
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message.empty());
  CHECK(format_timestamp(r.events[1].time) == "2026-02-10T15:05:10.123456000Z");
  CHECK(r.no_match == 1);
  check_refuses_bad_input("docker-timestamps");
}

TEST_CASE("docker-compose reads compose logs: service into unit, proxy JSON kept", "[docker]") {
  const auto r = run_parser("docker-compose", read_corpus_file("formats/docker-compose-logs.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 16);
  CHECK(r.events[0].unit == "openclaw-gateway-1");
  CHECK(r.events[0].source == SourceKind::gateway);
  CHECK(r.events[0].message ==
        "2026-02-10T15:05:10.123+00:00 [gateway] loading configuration\xe2\x80\xa6");
  CHECK_FALSE(r.events[0].time.has_value());  // the app's stamp is peeled later, not here
  CHECK(r.events[7].unit == "caddy-1");
  CHECK(r.events[7].source == SourceKind::proxy);
  CHECK(r.events[7].message.substr(0, 19) == "{\"level\":\"info\",\"ts");
}

TEST_CASE("docker-compose takes the -t stamp after the bar", "[docker]") {
  const auto r =
      run_parser("docker-compose", read_corpus_file("formats/docker-compose-logs-timestamps.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 16);
  CHECK(r.events[1].time_text == "2026-02-10T15:05:10.524456401Z");
  CHECK(format_timestamp(r.events[1].time) == "2026-02-10T15:05:10.524456401Z");
  CHECK(r.events[1].message ==
        "2026-02-10T15:05:10.524+00:00 [gateway] resolving authentication\xe2\x80\xa6");
  CHECK(r.events[12].message ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
  CHECK(r.events[13].unit == "caddy-1");
  struct CaseFile {
    const char* path;
    std::size_t lines;
  };
  for (const CaseFile& f :
       {CaseFile{"cases/05-slow-start-docker-in-progress/input.log", 23},
        CaseFile{"cases/23-none-single-restart-after-deploy-slow-start-ok/input.log", 27},
        CaseFile{"cases/49-gateway-not-ready-container-unhealthy/input-1.log", 21}}) {
    INFO(f.path);
    const auto c = run_parser("docker-compose", read_corpus_file(f.path));
    CHECK(c.no_match == 0);
    CHECK(c.events.size() == f.lines);
    for (const auto& e : c.events) CHECK(e.time.kind == TimeKind::utc);
  }
}

TEST_CASE("docker-compose reads compose up with tty colours and its banner", "[docker]") {
  const auto r =
      run_parser("docker-compose", read_corpus_file("formats/docker-compose-up-tty-ansi.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 14);
  CHECK(r.events[0].source == SourceKind::docker);
  CHECK(r.events[0].message == "Attaching to caddy-1, openclaw-gateway-1");
  CHECK(r.events[0].field("containers") == "caddy-1, openclaw-gateway-1");
  CHECK(r.events[1].unit == "openclaw-gateway-1");
  // The prefix colour and its reset go; the app's own colours stay for the next envelope.
  CHECK(r.events[1].message ==
        "\x1b[90m2026-09-21T14:00:03.211+00:00\x1b[39m \x1b[36m[gateway]\x1b[39m loading "
        "configuration\xe2\x80\xa6");
  CHECK(r.events[4].unit == "caddy-1");
  CHECK(r.events[4].message.substr(0, 9) == "{\"level\":");
  const auto c17 = run_parser("docker-compose",
                              read_corpus_file("cases/17-dns-eai-again-ansi-compose-up/input.log"));
  CHECK(c17.no_match == 0);
  CHECK(c17.events.size() == 34);
  CHECK(c17.events.back().message.ends_with("code=1001 reason=going away durationMs=402118"));
}

TEST_CASE("docker-compose reads compose's own exit and stop lines", "[docker]") {
  const auto r = run_parser("docker-compose",
                            "\x1b[36mopenclaw-gateway-1 exited with code 78\x1b[0m\n"
                            "Gracefully stopping... (press Ctrl+C again to force)\n"
                            "caddy-1  |\n"
                            "openclaw_gateway_1  | old compose v1 naming\n");
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0].unit == "openclaw-gateway-1");
  CHECK(r.events[0].field("exit_code") == "78");
  CHECK(r.events[0].source == SourceKind::docker);
  CHECK(r.events[0].message == "openclaw-gateway-1 exited with code 78");
  CHECK(r.events[1].source == SourceKind::docker);
  CHECK(r.events[2].message.empty());
  CHECK(r.events[3].unit == "openclaw_gateway_1");
  CHECK(run_parser("docker-compose", "openclaw-gateway-1 exited with code x\n").no_match == 1);

  // compose v2.39.3+ pkg/compose/printer.go: the engine restarts it under its restart policy
  const auto restarting = run_parser("docker-compose",
                                     "actual-budget exited with code 0 (restarting)\n"
                                     "api-1 exited with code 1 (restarting)  \n"
                                     "api-1 exited with code 1 (restarting) now\n");
  CHECK(restarting.no_match == 1);
  REQUIRE(restarting.events.size() == 2);
  CHECK(restarting.events[0].unit == "actual-budget");
  CHECK(restarting.events[0].field("exit_code") == "0");
  CHECK(restarting.events[0].field("restarting") == "true");
  CHECK(restarting.events[0].source == SourceKind::docker);
  CHECK(restarting.events[1].field("restarting") == "true");
  CHECK_FALSE(r.events[0].field("restarting").has_value());

  const auto progress = run_parser("docker-compose",
                                   "[+] Running 3/3\n"
                                   " \xe2\x9c\x94 Network openclaw_default      Created   0.1s \n"
                                   " \xe2\x9c\x94 Container openclaw-gateway-1  Started   0.4s \n"
                                   " Container caddy-1  Creating\n"
                                   " Container caddy-1  two words here\n"
                                   "Network is unreachable\n");
  CHECK(progress.no_match == 2);
  REQUIRE(progress.events.size() == 4);
  CHECK(progress.events[0].source == SourceKind::docker);
  CHECK(progress.events[1].unit.empty());
  CHECK(progress.events[1].field("object") == "Network");
  CHECK(progress.events[2].unit == "openclaw-gateway-1");
  CHECK(progress.events[2].field("status") == "Started");
  CHECK(progress.events[2].message == "\xe2\x9c\x94 Container openclaw-gateway-1  Started   0.4s");
  CHECK(progress.events[3].field("status") == "Creating");
  check_refuses_bad_input("docker-compose");
}

TEST_CASE("docker-json-file drops the log's newline and keeps stream", "[docker]") {
  const auto r = run_parser("docker-json-file", read_corpus_file("formats/docker-json-file.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 14);
  CHECK(r.events[0].message ==
        "2026-02-10T15:05:10.123+00:00 [gateway] loading configuration\xe2\x80\xa6");
  CHECK(r.events[0].field("stream") == "stdout");
  CHECK(r.events[0].time_text == "2026-02-10T15:05:10.123456000Z");
  CHECK(format_timestamp(r.events[0].time) == "2026-02-10T15:05:10.123456000Z");
  CHECK(r.events[0].source == SourceKind::app);
  CHECK(r.events[9].field("stream") == "stderr");
  CHECK(r.events[11].message ==
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");

  const auto c19 =
      run_parser("docker-json-file",
                 read_corpus_file("cases/19-permission-denied-docker-bind-mount/input.log"));
  CHECK(c19.no_match == 0);
  REQUIRE(c19.events.size() == 23);
  CHECK(c19.events[2].message == "    at async Object.mkdir (node:internal/fs/promises:852:10)");
  CHECK(c19.events[2].field("stream") == "stderr");
}

TEST_CASE("docker-json-file joins a line Docker split into partial entries", "[docker]") {
  const auto r = run_parser(
      "docker-json-file",
      "{\"log\":\"first half \",\"stream\":\"stdout\",\"time\":\"2026-02-10T15:05:10.1Z\"}\n"
      "{\"log\":\"second half\\r\\n\",\"stream\":\"stdout\",\"time\":\"2026-02-10T15:05:10.2Z\"}\n"
      "{\"log\":\"next\\n\",\"stream\":\"stdout\",\"time\":\"2026-02-10T15:05:10.3Z\"}\n");
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[0].message == "first half second half");
  CHECK(r.events[0].where.line_count == 2);
  CHECK(r.events[1].message == "next");
}

TEST_CASE("docker-json-file refuses other JSON and broken objects", "[docker]") {
  for (std::string_view bad :
       {std::string_view("{\"log\":\"x\\n\",\"stream\":\"stdout\"}"),
        std::string_view("{\"log\":\"x\\n\",\"stream\":\"stdout\",\"time\":\"yesterday\"}"),
        std::string_view("{\"log\":1,\"time\":\"2026-02-10T15:05:10.1Z\"}"),
        std::string_view("{\"log\":\"x\\n\",\"stream\":\"stdout\",\"time\":\"2026-02-10T15:05"),
        std::string_view("{\"MESSAGE\":\"log\",\"__REALTIME_TIMESTAMP\":\"1\"}")}) {
    CHECK(run_parser("docker-json-file", bad).no_match == 1);
  }
  check_refuses_bad_input("docker-json-file");
}
