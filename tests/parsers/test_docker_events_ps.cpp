// Pins docker events and docker ps: Docker's own lines, with action / exit code / health /
// container name (as unit) in structured form, on the samples and on cases 49 and 50.

#include <catch2/catch.hpp>
#include <string>

#include "parser_harness.hpp"

using namespace logdx;
using logdx::testing::read_corpus_file;
using logdx::testing::run_parser;

TEST_CASE("docker-events reads actions, exit codes and the container name", "[docker]") {
  const auto r = run_parser("docker-events", read_corpus_file("formats/docker-events.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 8);
  const Event& oom = r.events[0];
  CHECK(oom.field("action") == "oom");
  CHECK(oom.unit == "openclaw-gateway-1");
  CHECK(oom.source == SourceKind::docker);
  CHECK(oom.field("container_id") ==
        "9c1e4b7f2a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7");
  CHECK(oom.field("service") == "openclaw-gateway");
  CHECK(oom.field("image") == "ghcr.io/openclaw/openclaw:2026.9.6");
  CHECK(format_timestamp(oom.time) == "2026-02-10T15:20:22.771204113Z");
  CHECK(oom.message.substr(0, 14) == "container oom ");
  CHECK(r.events[1].field("signal") == "9");
  const Event& die = r.events[5];
  CHECK(die.field("action") == "die");
  CHECK(die.field("exit_code") == "78");
  CHECK(die.time_text == "2026-02-10T15:20:45.118830562Z");
  CHECK_FALSE(r.events[4].field("exit_code").has_value());
}

TEST_CASE("docker-events reads exec and health_status actions with details (case 49)", "[docker]") {
  const auto r =
      run_parser("docker-events",
                 read_corpus_file("cases/49-gateway-not-ready-container-unhealthy/input-2.log"));
  CHECK(r.no_match == 0);
  REQUIRE(r.events.size() == 33);
  CHECK(r.events[2].field("action") == "exec_create");
  CHECK(r.events[2].field("detail") ==
        "/bin/sh -c curl -fsS http://127.0.0.1:18789/health || exit 1");
  CHECK(r.events[2].unit == "openclaw-gateway-1");
  const Event& unhealthy = r.events.back();
  CHECK(unhealthy.field("action") == "health_status");
  CHECK(unhealthy.field("health") == "unhealthy");
  CHECK(unhealthy.unit == "openclaw-gateway-1");
}

TEST_CASE("docker-events leaves the docker ps tail of case 50 to others", "[docker]") {
  const auto r = run_parser(
      "docker-events", read_corpus_file("cases/50-restart-loop-docker-silent-exit/input-2.log"));
  CHECK(r.no_match == 3);  // a blank line, the ps header and its row
  CHECK(r.events.back().field("exit_code") == "1");
  CHECK(r.events.back().unit == "openclaw");
  CHECK(r.events.back().field("exec_duration") == "2");
}

TEST_CASE("docker-events refuses lines that only look like events", "[docker]") {
  for (std::string_view bad :
       {"2026-02-10T15:20:22.771204113Z [watchdog] starting openclaw gateway (attempt 1)",
        "2026-02-10T15:20:22.771204113Z container", "2026-02-10T15:20:22.771204113Z container die",
        "2026-02-10T15:20:22.771Z container die 9c1e4b7f2a3d (exitCode=1, name=x)",
        "2026-02-10T15:20:22.771204113Z container went away 9c1e (name=x)", "", "\xff\xfe"}) {
    INFO(bad);
    CHECK(run_parser("docker-events", bad).events.empty());
  }
  const auto no_attrs =
      run_parser("docker-events", "2026-02-10T15:20:22.771204113Z network connect 4f1e2d\n");
  REQUIRE(no_attrs.events.size() == 1);
  CHECK(no_attrs.events[0].field("object_id") == "4f1e2d");
  CHECK(run_parser("docker-events", std::string(1 << 20, '2')).events.empty());
}

TEST_CASE("docker-ps reads the table by column, status and name per row", "[docker]") {
  const auto r = run_parser("docker-ps", read_corpus_file("formats/docker-ps-restarting.log"));
  CHECK(r.no_match == 0);
  CHECK(r.skipped == 1);
  REQUIRE(r.events.size() == 2);
  const Event& gw = r.events[0];
  CHECK(gw.unit == "openclaw-gateway-1");
  CHECK(gw.field("status") == "Restarting (78) 8 seconds ago");
  CHECK(gw.field("exit_code") == "78");
  CHECK(gw.field("command") == "\"docker-entrypoint.s\xe2\x80\xa6\"");
  CHECK(gw.field("created") == "17 minutes ago");
  CHECK_FALSE(gw.field("ports").has_value());
  CHECK(gw.source == SourceKind::docker);
  const Event& caddy = r.events[1];
  CHECK(caddy.unit == "openclaw-caddy-1");
  CHECK(caddy.field("status") == "Up 17 minutes");
  CHECK(caddy.field("ports") == "0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp, 443/udp");
  CHECK_FALSE(caddy.field("exit_code").has_value());
}

TEST_CASE("docker-ps reads rows without a header and compose ps health", "[docker]") {
  const auto r = run_parser(
      "docker-ps", read_corpus_file("cases/50-restart-loop-docker-silent-exit/input-2.log"));
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].unit == "openclaw");
  CHECK(r.events[0].field("exit_code") == "1");
  CHECK(r.events[0].field("status") == "Restarting (1) 14 seconds ago");

  const auto bare =
      run_parser("docker-ps",
                 "b71f3c9e2a4d   openclaw-custom:latest   \"/entrypoint.sh\"   25 minutes ago   "
                 "Exited (137) 2 minutes ago             openclaw\n");
  REQUIRE(bare.events.size() == 1);
  CHECK(bare.events[0].field("exit_code") == "137");
  CHECK(bare.events[0].unit == "openclaw");

  const auto compose = run_parser(
      "docker-ps",
      "NAME                 IMAGE                                COMMAND                  SERVICE  "
      "          CREATED         STATUS                     PORTS\n"
      "openclaw-gateway-1   ghcr.io/openclaw/openclaw:2026.9.6   \"docker-entrypoint.s…\"   "
      "openclaw-gateway   5 minutes ago   Up 5 minutes (unhealthy)   18789/tcp\n");
  REQUIRE(compose.events.size() == 1);
  CHECK(compose.events[0].unit == "openclaw-gateway-1");
  CHECK(compose.events[0].field("health") == "unhealthy");
  CHECK(compose.events[0].field("service") == "openclaw-gateway");
}

TEST_CASE("docker-ps refuses other lines", "[docker]") {
  for (std::string_view bad :
       {"", "CONTAINER ID",
        "2026-12-01T09:13:22.930405286Z container die b71f (exitCode=1, name=x)",
        "openclaw-gateway-1  | ready", "\xff\xfe garbage"}) {
    INFO(bad);
    CHECK(run_parser("docker-ps", bad).events.empty());
  }
  const std::string header =
      "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n";
  CHECK(run_parser("docker-ps", header + "not a row at all, just some words here\n").no_match == 1);
  CHECK(run_parser("docker-ps", header + std::string(1 << 20, 'x')).no_match == 1);
}
