// Pins the nginx parsers on real nginx 1.22.1 output (corpus/formats) and on the proxy cases:
// the error log's prefix and trailing context, the access log's request parts and the level
// a status implies.

#include <catch2/catch.hpp>

#include "proxy_test_util.hpp"

using namespace logdx;
using logdx::testing::field_of;
using logdx::testing::read_corpus_file;
using logdx::testing::run_line;
using logdx::testing::run_parser;

TEST_CASE("nginx-error reads every line of the real error log with its context", "[proxy]") {
  const auto r = run_parser("nginx-error", read_corpus_file("formats/nginx-error.log"));
  REQUIRE(r.events.size() == 5);
  CHECK(r.no_match == 0);

  const Event& first = r.events[0];
  CHECK(format_timestamp(first.time) == "2026-11-25T05:19:15");
  CHECK(first.time.kind == TimeKind::local);
  CHECK(first.time_text == "2026/11/25 05:19:15");
  CHECK(first.pid == 22871);
  CHECK(first.level == Level::error);
  CHECK(first.source == SourceKind::proxy);
  CHECK(first.process == "nginx");
  CHECK(first.message ==
        "connect() failed (111: Connection refused) while connecting to upstream, client: "
        "127.0.0.1, server: openclaw.example.com, request: \"GET / HTTP/1.1\", upstream: "
        "\"http://127.0.0.1:18789/\", host: \"openclaw.example.com\"");
  CHECK(field_of(first, "connection") == "1");
  CHECK(field_of(first, "client") == "127.0.0.1");
  CHECK(field_of(first, "server") == "openclaw.example.com");
  CHECK(field_of(first, "request") == "GET / HTTP/1.1");
  CHECK(field_of(first, "upstream") == "http://127.0.0.1:18789/");
  CHECK(field_of(first, "host") == "openclaw.example.com");
  CHECK(field_of(first, "errno") == "111");
  CHECK(field_of(first, "action") == "connecting to upstream");

  const Event& timeout = r.events[2];
  CHECK(field_of(timeout, "connection") == "5");
  CHECK(field_of(timeout, "errno") == "110");
  CHECK(field_of(timeout, "action") == "reading response header from upstream");
  CHECK(field_of(timeout, "upstream") == "http://127.0.0.1:18789/api/health");
  CHECK(field_of(timeout, "host") == "127.0.0.1:443");

  const Event& closed = r.events[3];
  CHECK(closed.message.starts_with("upstream prematurely closed connection while reading"));
  CHECK(field_of(closed, "errno") == "<none>");
  CHECK(r.events[4].pid == 23180);
  CHECK(field_of(r.events[4], "action") == "connecting to upstream");
}

TEST_CASE("nginx-error reads notice lines without a connection and maps referrer", "[proxy]") {
  const auto r =
      run_parser("nginx-error",
                 read_corpus_file("cases/14-proxy-upstream-refused-nginx-wrong-port/input-2.log"));
  REQUIRE(r.events.size() == 11);
  CHECK(r.no_match == 0);
  const Event& notice = r.events[0];
  CHECK(notice.level == Level::notice);
  CHECK(notice.pid == 1201);
  CHECK(notice.message == "signal process started");
  CHECK(field_of(notice, "connection") == "<none>");
  CHECK(field_of(notice, "client") == "<none>");

  const Event& favicon = r.events[2];
  CHECK(field_of(favicon, "request") == "GET /favicon.ico HTTP/2.0");
  CHECK(field_of(favicon, "upstream") == "http://127.0.0.1:3001/favicon.ico");
  CHECK(field_of(favicon, "referer") == "https://claw.example.org/");
  CHECK(r.events[4].level == Level::warning);
  CHECK(r.events[4].message.starts_with("upstream server temporarily disabled"));
}

TEST_CASE("nginx-error reads the wrong-port case with its unrelated warnings", "[proxy]") {
  const auto r = run_parser(
      "nginx-error",
      read_corpus_file("cases/34-nginx-upstream-wrong-port-gateway-healthy/input-2.log"));
  REQUIRE(r.events.size() == 27);
  CHECK(r.no_match == 0);
  std::size_t refused = 0;
  for (const auto& e : r.events) {
    if (e.level == Level::error && field_of(e, "upstream").starts_with("http://127.0.0.1:3001/")) {
      ++refused;
    }
  }
  CHECK(refused == 24);
  const Event& buffered = r.events[4];
  CHECK(buffered.level == Level::warning);
  CHECK(field_of(buffered, "server") == "static.example.net");
  CHECK(field_of(buffered, "action") == "reading upstream");
  CHECK(field_of(buffered, "connection") == "107");
}

TEST_CASE("nginx-error reads the binary's own stderr lines", "[proxy]") {
  const auto r = run_line(
      "nginx-error", "nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in use)");
  REQUIRE(r.events.size() == 1);
  const Event& e = r.events[0];
  CHECK(e.level == Level::emergency);
  CHECK_FALSE(e.time.has_value());
  CHECK(e.message == "bind() to 0.0.0.0:443 failed (98: Address already in use)");
  CHECK(field_of(e, "errno") == "98");
  CHECK(e.process == "nginx");
}

TEST_CASE("nginx-error reads nginx -t's verdict lines", "[proxy]") {
  auto r = run_line("nginx-error", "nginx: configuration file /etc/nginx/nginx.conf test failed");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::error);
  CHECK(r.events[0].message == "configuration file /etc/nginx/nginx.conf test failed");
  r = run_line("nginx-error", "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::info);
  CHECK(run_line("nginx-error", "nginx: something else entirely").events.empty());
}

TEST_CASE("nginx-error finds the real context past a spoofed one and in cut lines", "[proxy]") {
  // The request line is the client's: a ", client: " inside it must not end the message.
  auto r =
      run_line("nginx-error",
               "2026/03/05 08:20:25 [error] 7#7: *9 open() \"/srv/a, client: x\" failed (2: No "
               "such file or directory), client: 192.0.2.1, server: _, request: \"GET /a, "
               "client: x HTTP/1.1\", host: \"h\"");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "client") == "192.0.2.1");
  CHECK(field_of(r.events[0], "request") == "GET /a, client: x HTTP/1.1");
  CHECK(field_of(r.events[0], "host") == "h");
  CHECK(field_of(r.events[0], "errno") == "2");

  // nginx cuts error lines at 2048 bytes: the last quote may be missing.
  r = run_line(
      "nginx-error",
      "2026/03/05 08:20:25 [error] 7#7: *9 upstream timed out (110: Connection timed out) "
      "while connecting to upstream, client: 192.0.2.1, server: _, request: \"GET /very/lo");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "request") == "GET /very/lo");
  CHECK(field_of(r.events[0], "server") == "_");

  // No context at all: the message is the text after the connection id.
  r = run_line("nginx-error", "2026/03/05 08:20:25 [crit] 7#7: *1 SSL_do_handshake() failed");
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].level == Level::critical);
  CHECK(r.events[0].message == "SSL_do_handshake() failed");
  CHECK(r.events[0].fields.size() == 2);  // tid and connection only
}

TEST_CASE("nginx-access reads the real combined log and levels it by status", "[proxy]") {
  const auto r = run_parser("nginx-access", read_corpus_file("formats/nginx-access-combined.log"));
  REQUIRE(r.events.size() == 9);
  CHECK(r.no_match == 0);

  const Event& bad_gateway = r.events[1];
  CHECK(format_timestamp(bad_gateway.time) == "2026-11-25T05:19:15Z");
  CHECK(bad_gateway.time_text == "25/Nov/2026:05:19:15 +0000");
  CHECK(bad_gateway.level == Level::error);
  CHECK(bad_gateway.source == SourceKind::proxy);
  CHECK(bad_gateway.process == "nginx");
  CHECK(bad_gateway.message ==
        "127.0.0.1 - - [25/Nov/2026:05:19:15 +0000] \"GET /ws HTTP/1.1\" 502 559 \"-\" "
        "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36\"");
  CHECK(field_of(bad_gateway, "client") == "127.0.0.1");
  CHECK(field_of(bad_gateway, "method") == "GET");
  CHECK(field_of(bad_gateway, "path") == "/ws");
  CHECK(field_of(bad_gateway, "protocol") == "HTTP/1.1");
  CHECK(field_of(bad_gateway, "request") == "GET /ws HTTP/1.1");
  CHECK(field_of(bad_gateway, "status") == "502");
  CHECK(field_of(bad_gateway, "bytes") == "559");
  CHECK(field_of(bad_gateway, "referer") == "<none>");  // "-"
  CHECK(field_of(bad_gateway, "user") == "<none>");

  CHECK(r.events[4].level == Level::warning);  // 426: Upgrade not forwarded
  CHECK(field_of(r.events[4], "status") == "426");
  CHECK(r.events[7].level == Level::info);  // 101: WebSocket upgraded
  CHECK(field_of(r.events[7], "path") == "/ok/");
  CHECK(field_of(r.events[8], "user_agent") == "openclaw-cli/2026.9.6");
  CHECK(r.events[8].level == Level::error);
}

TEST_CASE("nginx-access reads the proxy cases' access logs whole", "[proxy]") {
  auto r =
      run_parser("nginx-access",
                 read_corpus_file("cases/14-proxy-upstream-refused-nginx-wrong-port/input-3.log"));
  REQUIRE(r.events.size() == 9);
  CHECK(r.no_match == 0);
  CHECK(r.events[0].level == Level::warning);
  CHECK(field_of(r.events[0], "path") == "/robots.txt");
  CHECK(field_of(r.events[2], "referer") == "https://claw.example.org/");
  CHECK(field_of(r.events[2], "protocol") == "HTTP/2.0");

  r = run_parser("nginx-access",
                 read_corpus_file("cases/15-proxy-websocket-upgrade-not-forwarded/input-1.log"));
  CHECK(r.events.size() == 18);
  CHECK(r.no_match == 0);
  CHECK(field_of(r.events[17], "user_agent") == "Uptime-Kuma/1.23.16");

  r = run_parser("nginx-access",
                 read_corpus_file("cases/35-nginx-websocket-upgrade-not-forwarded/input.log"));
  REQUIRE(r.events.size() == 60);
  CHECK(r.no_match == 0);
  CHECK(field_of(r.events[14], "path") == "/?token=[redacted]");
  CHECK(field_of(r.events[14], "status") == "400");
  CHECK(field_of(r.events[14], "client") == "198.51.100.61");
  CHECK(format_timestamp(r.events[14].time) == "2026-07-07T13:02:29Z");
}

TEST_CASE("nginx-access reads common format, odd requests and extra fields", "[proxy]") {
  auto r = run_line("nginx-access",
                    "192.0.2.9 - alice [05/Mar/2026:09:20:25 +0100] \"POST /api HTTP/1.1\" 204 -");
  REQUIRE(r.events.size() == 1);
  CHECK(format_timestamp(r.events[0].time) == "2026-03-05T08:20:25Z");
  CHECK(field_of(r.events[0], "user") == "alice");
  CHECK(field_of(r.events[0], "bytes") == "<none>");
  CHECK(field_of(r.events[0], "user_agent") == "<none>");
  CHECK(r.events[0].level == Level::info);

  // TLS bytes on a plain port: nginx logs the raw request with \x escapes and a 400.
  r = run_line(
      "nginx-access",
      "198.51.100.4 - - [05/Mar/2026:08:20:25 +0000] \"\\x16\\x03\\x01\\x00\\xCA\" 400 157 "
      "\"-\" \"-\"");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "request") == "\\x16\\x03\\x01\\x00\\xCA");
  CHECK(field_of(r.events[0], "method") == "<none>");
  CHECK(field_of(r.events[0], "user_agent") == "<none>");

  // The docker image's `main` format adds "$http_x_forwarded_for"; Apache escapes quotes.
  r = run_line("nginx-access",
               "10.0.0.2 - - [05/Mar/2026:08:20:25 +0000] \"GET / HTTP/1.1\" 502 157 \"-\" "
               "\"say \\\"hi\\\"\" \"203.0.113.7\"");
  REQUIRE(r.events.size() == 1);
  CHECK(field_of(r.events[0], "user_agent") == "say \\\"hi\\\"");
  CHECK(field_of(r.events[0], "status") == "502");
}
