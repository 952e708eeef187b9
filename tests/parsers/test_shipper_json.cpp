// The generic JSON-lines envelope of log shippers and stores (issue 15): Vector, Fluent Bit,
// Loki's logcli --output=jsonl and an Elasticsearch export, and the shapes it must leave to
// the parsers that own them.
#include <catch2/catch.hpp>

#include "parser_harness.hpp"

using namespace logdx;
using namespace logdx::testing;

TEST_CASE("shipper-json reads Vector's journald events", "[shipper]") {
  // Vector's journald source: its own keys beside the journal's fields it passes through.
  const auto r = run_parser(
      "shipper-json",
      R"({"host":"gw-a.example.net","message":"Error: listen EADDRINUSE: address already in use 127.0.0.1:18789","source_type":"journald","timestamp":"2026-11-24T10:00:03.000000Z","PRIORITY":"3","SYSLOG_IDENTIFIER":"node","_PID":"2301","_SYSTEMD_UNIT":"openclaw-gateway.service","_TRANSPORT":"stdout"})"
      "\n");
  REQUIRE(r.events.size() == 1);
  const Event& e = r.events[0];
  CHECK(e.host == "gw-a.example.net");
  CHECK(e.unit == "openclaw-gateway.service");
  CHECK(e.process == "node");
  CHECK(e.pid == 2301);
  CHECK(e.level == Level::error);
  CHECK(format_timestamp(e.time) == "2026-11-24T10:00:03.000000Z");
  CHECK(e.message == "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789");
}

TEST_CASE("shipper-json reads logcli jsonl labels, Fluent Bit's kubernetes keys and an ES hit",
          "[shipper]") {
  const auto r = run_parser(
      "shipper-json",
      R"({"labels":{"host":"gw-b","job":"systemd-journal","unit":"openclaw-gateway.service"},"line":"openclaw-gateway.service: Failed with result 'oom-kill'.","timestamp":"2026-11-24T11:00:03.4+01:00"})"
      "\n"
      R"({"date":1795514403.25,"log":"[gateway] listening on ws://127.0.0.1:18789","kubernetes":{"pod_name":"openclaw-7c9f","container_name":"gateway"}})"
      "\n"
      R"({"_index":"logs","_source":{"@timestamp":"2026-11-24T10:00:03Z","host":{"name":"gw-e"},"service":{"name":"openclaw-gateway"},"message":"boom"}})"
      "\n");
  REQUIRE(r.events.size() == 3);
  CHECK(r.events[0].host == "gw-b");
  CHECK(r.events[0].unit == "openclaw-gateway.service");
  CHECK(format_timestamp(r.events[0].time) == "2026-11-24T10:00:03.400Z");
  CHECK(r.events[1].host == "openclaw-7c9f");
  CHECK(r.events[1].unit == "gateway");  // the container names the line's unit
  CHECK(r.events[1].message == "[gateway] listening on ws://127.0.0.1:18789");
  CHECK(format_timestamp(r.events[1].time) == "2026-11-24T10:00:03.250000Z");
  CHECK(r.events[2].host == "gw-e");
  CHECK(r.events[2].app == "openclaw-gateway");
  CHECK(r.events[2].message == "boom");
}

TEST_CASE("shipper-json keeps a structured logger's error key with the message", "[shipper]") {
  // zap / logrus JSON (a Go service): a generic msg, the failure itself under "error" or "err";
  // a message that already carries the error is left as it is.
  const auto r = run_parser(
      "shipper-json",
      R"({"level":"ERROR","time":"2023/02/21 16:32:02.961501 +0000","name":"hakeeper-client-backend","msg":"init remote connection failed, retry later","remote":"log-1.svc:32001","error":"dial tcp4: lookup log-1.svc on 172.20.0.10:53: no such host"})"
      "\n"
      R"({"time":"2024-05-02T10:11:12Z","level":"warn","msg":"sync failed","err":"context deadline exceeded"})"
      "\n"
      R"({"time":"2024-05-02T10:11:13Z","level":"error","msg":"sync failed: context deadline exceeded","error":"context deadline exceeded"})"
      "\n"
      R"({"time":"2024-05-02T10:11:14Z","level":"info","msg":"started","error":{"code":1}})"
      "\n");
  REQUIRE(r.events.size() == 4);
  CHECK(r.events[0].message ==
        "init remote connection failed, retry later: dial tcp4: lookup log-1.svc on "
        "172.20.0.10:53: no such host");
  CHECK(r.events[0].level == Level::error);
  CHECK(r.events[1].message == "sync failed: context deadline exceeded");
  CHECK(r.events[2].message == "sync failed: context deadline exceeded");
  CHECK(r.events[3].message == "started");  // an error that is not text is not appended
}

TEST_CASE("shipper-json refuses what is not a log line and what another parser owns", "[shipper]") {
  const auto bad = run_parser(
      "shipper-json", "{\"status\":\"ok\"}\n{\"message\":42}\n{broken\n[1,2]\nplain text\n");
  CHECK(bad.events.empty());
  for (const char* owned :
       {"formats/journalctl-json.log", "formats/docker-json-file.log", "formats/caddy-json.log",
        "formats/pm2-app-out-json.log", "formats/pm2-logs-json.log"}) {
    INFO(owned);
    CHECK(run_parser("shipper-json", read_corpus_file(owned)).events.empty());
  }
}
