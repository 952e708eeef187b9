// Pins the Caddy parsers on real caddy 2.6.2 output (JSON and console encoders, runtime and
// access logs), on the Caddy lines of the docker-compose cases once their envelope is peeled,
// and on Caddy v1 lines written to its documented shapes.

#include <catch2/catch.hpp>

#include "proxy_test_util.hpp"

using namespace logdx;
using logdx::testing::field_of;
using logdx::testing::read_corpus_file;
using logdx::testing::run_line;
using logdx::testing::run_parser;

namespace {

// The caddy-1 lines of a `docker compose logs -t` file with the "service | stamp " prefix
// removed, i.e. what the reader hands to caddy-json after peeling the compose envelope.
std::string caddy_payloads(const std::string& compose_text) {
  std::string out;
  std::size_t offset = 0;
  while (offset < compose_text.size()) {
    std::size_t nl = compose_text.find('\n', offset);
    if (nl == std::string::npos) nl = compose_text.size();
    const std::string_view line(compose_text.data() + offset, nl - offset);
    if (line.starts_with("caddy-1")) {
      const std::size_t bar = line.find("| ");
      const std::size_t stamp_end = line.find(' ', bar + 2);
      out.append(line.substr(stamp_end + 1)).push_back('\n');
    }
    offset = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("caddy-json reads the real JSON log: logger, msg, ts and request fields", "[proxy]") {
  const auto r = run_parser("caddy-json", read_corpus_file("formats/caddy-json.log"));
  REQUIRE(r.events.size() == 21);
  CHECK(r.no_match == 0);

  const Event& config = r.events[0];
  CHECK(config.subsystem.empty());
  CHECK(config.message == "using provided configuration");
  CHECK(config.level == Level::info);
  CHECK(field_of(config, "config_file") == "/etc/caddy/Caddyfile.json");

  const Event& refused = r.events[9];
  CHECK(refused.time_text == "1795583987.7318182");
  CHECK(format_timestamp(refused.time) == "2026-11-25T05:19:47.731818200Z");
  CHECK(refused.level == Level::error);
  CHECK(refused.source == SourceKind::proxy);
  CHECK(refused.process == "caddy");
  CHECK(refused.subsystem == "http.log.error");
  CHECK(refused.message == "dial tcp 127.0.0.1:18789: connect: connection refused");
  CHECK(field_of(refused, "upstream") == "127.0.0.1:18789");
  CHECK(field_of(refused, "status") == "502");
  CHECK(field_of(refused, "err_id") == "z8bxpiwd9");
  CHECK(field_of(refused, "client") == "127.0.0.1");
  CHECK(field_of(refused, "client_port") == "52662");
  CHECK(field_of(refused, "host") == "openclaw.example.com");
  CHECK(field_of(refused, "path") == "/");
  CHECK(field_of(refused, "request") == "GET / HTTP/1.1");
  CHECK(field_of(refused, "user_agent") == "curl/7.88.1");
  CHECK(field_of(refused, "duration") == "0.000295845");
  CHECK(field_of(refused, "upgrade") == "<none>");

  CHECK(field_of(r.events[11], "upgrade") == "websocket");
  const Event& access = r.events[10];
  CHECK(access.subsystem == "http.log.access");
  CHECK(access.message == "handled request");
  CHECK(field_of(access, "bytes") == "0");
  CHECK(field_of(access, "user_id") == "<none>");  // "" says nothing
  CHECK(field_of(access, "upstream") == "<none>");

  CHECK(r.events[15].message == "net/http: timeout awaiting response headers");
  CHECK(field_of(r.events[15], "status") == "504");
  CHECK(r.events[18].level == Level::warning);
  CHECK(field_of(r.events[20], "exit_code") == "0");
}

TEST_CASE("caddy-json reads the split runtime and access captures", "[proxy]") {
  auto r = run_parser("caddy-json", read_corpus_file("formats/caddy-json-runtime.log"));
  REQUIRE(r.events.size() == 16);
  CHECK(r.no_match == 0);
  CHECK(r.events[8].subsystem == "http.log.error.log0");
  CHECK(field_of(r.events[10], "upstream") == "127.0.0.1:18790");
  CHECK(r.events[10].message == "dial tcp 127.0.0.1:18790: i/o timeout");

  r = run_parser("caddy-json", read_corpus_file("formats/caddy-json-access.log"));
  REQUIRE(r.events.size() == 4);
  CHECK(r.no_match == 0);
  CHECK(r.events[3].subsystem == "http.log.access.log0");
  CHECK(field_of(r.events[3], "path") == "/hdr/api/sessions");
  CHECK(field_of(r.events[3], "host") == "openclaw.example.com:8089");
  CHECK(field_of(r.events[3], "status") == "504");
  CHECK(format_timestamp(r.events[3].time) == "2026-11-25T05:23:41.322768Z");
}

TEST_CASE("caddy-json reads the Caddy lines of the docker compose cases", "[proxy]") {
  auto r = run_parser(
      "caddy-json",
      caddy_payloads(read_corpus_file("cases/05-slow-start-docker-in-progress/input.log")));
  REQUIRE(r.events.size() == 16);
  CHECK(r.no_match == 0);
  const Event& refused = r.events[8];
  CHECK(refused.time_text == "1777716010.4020");
  CHECK(format_timestamp(refused.time) == "2026-05-02T10:00:10.402000Z");  // 4 digits: micros
  CHECK(field_of(refused, "upstream") == "172.18.0.2:18789");
  CHECK(field_of(refused, "client") == "198.51.100.23");
  CHECK(field_of(refused, "protocol") == "HTTP/2.0");
  CHECK(field_of(r.events[9], "bytes_read") == "0");

  r = run_parser("caddy-json", caddy_payloads(read_corpus_file(
                                   "cases/49-gateway-not-ready-container-unhealthy/input-1.log")));
  REQUIRE(r.events.size() == 15);
  CHECK(r.no_match == 0);
  CHECK(r.events[14].subsystem == "tls.obtain");
  CHECK(field_of(r.events[14], "identifier") == "claw.example.com");
  CHECK(field_of(r.events[1], "https_port") == "443");
}

TEST_CASE("caddy-json understands the other time_format settings", "[proxy]") {
  auto r = run_line("caddy-json", R"({"level":"info","ts":"2026-03-05T08:20:25.123Z","msg":"x"})");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25.123Z");
  CHECK(r.events[0].time_text == "2026-03-05T08:20:25.123Z");

  r = run_line("caddy-json", R"({"level":"info","ts":1772698825123.5,"msg":"x"})");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25.123Z");

  r = run_line("caddy-json", R"({"level":"info","ts":1772698825123456789,"msg":"x"})");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25.123456789Z");

  r = run_line("caddy-json", R"({"level":"info","ts":"2026/03/05 08:20:25.123","msg":"x"})");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25.123");
}

TEST_CASE("caddy-json refuses JSON that is not a Caddy entry", "[proxy]") {
  for (std::string_view line :
       {R"({"log":"hello\n","stream":"stdout","time":"2026-03-05T08:20:25.1Z"})",
        R"({"message":"x","timestamp":"2026-03-05T08:20:25","type":"out","app_name":"a"})",
        R"({"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1772698825000000","MESSAGE":"x"})",
        R"({"level":"info","msg":"no ts"})", R"({"level":"info","ts":"yesterday","msg":"x"})",
        R"({"level":"info","ts":1772698825.1,"msg":"x")",  // cut
        R"([{"level":"info","ts":1772698825.1,"msg":"x"}])"}) {
    INFO(line);
    const auto r = run_line("caddy-json", line);
    CHECK(r.events.empty());
    CHECK(r.no_match == 1);
  }
}

TEST_CASE("caddy-console reads the real console log; its first line is JSON", "[proxy]") {
  const auto r = run_parser("caddy-console", read_corpus_file("formats/caddy-console.log"));
  REQUIRE(r.events.size() == 20);
  // Line 1 is written by caddy before the console encoder is set up: caddy-json's.
  CHECK(r.no_match == 1);
  CHECK(r.events[0].where.line == 2);

  const Event& admin = r.events[0];
  CHECK(admin.level == Level::warning);
  CHECK(admin.subsystem == "admin");
  CHECK(admin.message == "admin endpoint disabled");
  CHECK(admin.fields.empty());

  const Event& refused = r.events[8];
  CHECK(refused.time_text == "2026/11/25 05:19:55.297");
  CHECK(format_timestamp(refused.time) == "2026-11-25T05:19:55.297");
  CHECK(refused.level == Level::error);
  CHECK(refused.process == "caddy");
  CHECK(refused.source == SourceKind::proxy);
  CHECK(refused.subsystem == "http.log.error");
  CHECK(refused.message == "dial tcp 127.0.0.1:18789: connect: connection refused");
  CHECK(field_of(refused, "upstream") == "127.0.0.1:18789");
  CHECK(field_of(refused, "status") == "502");
  CHECK(field_of(refused, "err_id") == "dsfaismsz");
  CHECK(field_of(refused, "client") == "127.0.0.1");

  const Event& autosaved = r.events[6];  // no logger: message then context
  CHECK(autosaved.subsystem.empty());
  CHECK(autosaved.message == "autosaved config (load with --resume flag)");
  CHECK(field_of(autosaved, "file") == "/root/.config/caddy/autosave.json");
  CHECK(r.events[7].message == "serving initial configuration");
  CHECK(r.events[7].subsystem.empty());
  CHECK(r.events[17].message == "exiting; byeee!! \xf0\x9f\x91\x8b");
}

TEST_CASE("caddy-console reads the split captures and the ANSI case", "[proxy]") {
  auto r = run_parser("caddy-console", read_corpus_file("formats/caddy-console-runtime.log"));
  CHECK(r.events.size() == 16);
  CHECK(r.no_match == 0);
  r = run_parser("caddy-console", read_corpus_file("formats/caddy-console-access.log"));
  REQUIRE(r.events.size() == 4);
  CHECK(r.no_match == 0);
  CHECK(r.events[1].subsystem == "http.log.access.log0");
  CHECK(field_of(r.events[1], "upgrade") == "websocket");

  r = run_parser("caddy-console",
                 read_corpus_file("cases/36-caddy-console-ansi-upstream-refused/input.log"));
  REQUIRE(r.events.size() == 40);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].message == "using provided configuration");
  CHECK(r.events[0].subsystem.empty());
  const Event& refused = r.events[6];
  CHECK(format_timestamp(refused.time) == "2026-08-21T06:13:13.746");
  CHECK(field_of(refused, "client") == "198.51.100.8");
  CHECK(field_of(refused, "host") == "claw.example.com");
  CHECK(field_of(refused, "err_id") == "4ec04618k");
  CHECK(field_of(refused, "upstream") == "127.0.0.1:18789");
}

TEST_CASE("caddy-console reads lines with the colours already stripped and with a caller",
          "[proxy]") {
  auto r =
      run_line("caddy-console",
               "2026/03/05 08:20:25.123\tERROR\thttp.log.error\tdial tcp [::1]:18789: connect: "
               "connection refused\t{\"status\": 502}");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::error);
  CHECK(field_of(r.events[0], "upstream") == "[::1]:18789");

  r = run_line("caddy-console",
               "2026/03/05 08:20:25.123\tINFO\thttp\treverseproxy/reverseproxy.go:1272\tselected "
               "upstream");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].subsystem == "http");
  CHECK(field_of(r.events[0], "caller") == "reverseproxy/reverseproxy.go:1272");
  CHECK(r.events[0].message == "selected upstream");

  // A cut context is kept rather than dropped.
  r = run_line("caddy-console",
               "2026/03/05 08:20:25.123\tWARN\ttls\tcert expiring\t{\"cert\": \"x");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "context") == "{\"cert\": \"x");
}

TEST_CASE("caddy-v1 reads the process log and the errors directive's lines", "[proxy]") {
  auto r = run_line("caddy-v1",
                    "2026/03/05 08:20:25 [ERROR] 502 /ws: dial tcp 127.0.0.1:18789: connect: "
                    "connection refused");
  REQUIRE(r.events.size() == 1);
  const Event& process_log = r.events[0];
  CHECK(format_timestamp(process_log.time) == "2026-03-05T08:20:25");
  CHECK(process_log.level == Level::error);
  CHECK(process_log.process == "caddy");
  CHECK(process_log.source == SourceKind::proxy);
  CHECK(process_log.message == "502 /ws: dial tcp 127.0.0.1:18789: connect: connection refused");
  CHECK(field_of(process_log, "status") == "502");
  CHECK(field_of(process_log, "path") == "/ws");
  CHECK(field_of(process_log, "upstream") == "127.0.0.1:18789");

  r = run_line("caddy-v1",
               "05/Mar/2026:08:20:25 +0000 [ERROR 502 /] dial tcp 127.0.0.1:18789: connect: "
               "connection refused");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25Z");
  CHECK(r.events[0].time_text == "05/Mar/2026:08:20:25 +0000");
  CHECK(r.events[0].message == "dial tcp 127.0.0.1:18789: connect: connection refused");
  CHECK(field_of(r.events[0], "path") == "/");
  CHECK(field_of(r.events[0], "status") == "502");

  r = run_line("caddy-v1", "[ERROR 504 /api/health] net/http: timeout awaiting response headers");
  REQUIRE(r.events.size() == 1);
  CHECK_FALSE(r.events[0].time.has_value());
  CHECK(field_of(r.events[0], "status") == "504");

  r = run_line("caddy-v1", "[PANIC /x] runtime error: index out of range");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::critical);

  r = run_line("caddy-v1", "2026/03/05 08:20:25 [WARNING] Sending telemetry: disabled");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::warning);
  CHECK(field_of(r.events[0], "status") == "<none>");
  CHECK(r.events[0].message == "Sending telemetry: disabled");
}

TEST_CASE("caddy-v1 refuses nginx's lowercase levels and unstamped level words", "[proxy]") {
  for (std::string_view line :
       {"2026/03/05 08:20:25 [error] 12#12: *1 connect() failed",
        "[INFO] no stamp, could be anything", "2026/03/05 08:20:25 [HELLO] not a level",
        "[ERROR 99 /] status too short", "[ERROR 502 no-slash] x"}) {
    INFO(line);
    CHECK(run_line("caddy-v1", line).events.empty());
  }
}
