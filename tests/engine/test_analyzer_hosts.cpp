// A run over a fleet's central store (journal-remote, a central rsyslog, a shipper's JSON
// lines) holds many hosts: each host's findings stay its own. One rule's lines on two hosts
// are two findings with two fingerprints, a threshold never counts two hosts' lines as one
// loop, a join never pairs them, and a single-host run keeps the fingerprints it always had.
#include "analysis/fingerprint.hpp"
#include "analysis/host_tally.hpp"
#include "analyzer_test_support.hpp"

using namespace logdx;
using namespace logdx::testing;

namespace {

const std::string kRules = rules_yaml({eaddrinuse_rule(), systemd_restart_loop_rule()});

EventSpec on_host(const std::string& time, const std::string& message, const std::string& host,
                  const std::string& unit = "openclaw-gateway.service") {
  EventSpec spec(time, message, 0, 0, SourceKind::systemd);
  spec.on(host, unit, "systemd", 1);
  return spec;
}

std::string restart(int counter) {
  return "openclaw-gateway.service: Scheduled restart job, restart counter is at " +
         std::to_string(counter) + ".";
}

const std::string kInUse = "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789";

std::vector<const Diagnosis*> of_rule(const AnalysisResult& result, const std::string& rule) {
  std::vector<const Diagnosis*> out;
  for (const Diagnosis& d : result.diagnoses) {
    if (d.rule == rule) out.push_back(&d);
  }
  return out;
}

}  // namespace

TEST_CASE("one rule's finding on two hosts is two findings, each naming its host", "[hosts]") {
  const RuleSet rules = rules_from(kRules);
  const AnalysisResult result = analyze(
      rules, {on_host("2026-12-01T10:00:00Z", kInUse, "gw-a.example.net"),
              on_host("2026-12-01T10:00:05Z", kInUse, "gw-b"),
              on_host("2026-12-01T10:00:07Z", "Started openclaw-gateway.service.", "gw-c")});
  const auto found = of_rule(result, "port-in-use");
  REQUIRE(found.size() == 2);
  CHECK(found[0]->host == "gw-a");
  CHECK(found[1]->host == "gw-b");
  CHECK(found[0]->fingerprint != found[1]->fingerprint);
  // Each evidence line carries its host as written.
  CHECK(found[0]->evidence.at(0).host == "gw-a.example.net");
  // The same fix is shown under each host's finding: it is run on each machine.
  CHECK(found[1]->fixes.at(0).shown_under.empty());
  // Every host is listed, the healthy one too, with the events it gave.
  REQUIRE(result.hosts.size() == 3);
  CHECK(result.hosts[0].host == "gw-a");
  CHECK(result.hosts[2].host == "gw-c");
  CHECK(result.hosts[2].events == 1);
}

TEST_CASE("a single-host run keeps the fingerprint it had before hosts counted", "[hosts]") {
  const RuleSet rules = rules_from(kRules);
  const AnalysisResult result =
      analyze(rules, {on_host("2026-12-01T10:00:00Z", kInUse, "gw-a"),
                      on_host("2026-12-01T10:00:01Z", kInUse, "gw-a.example.net")});
  const auto found = of_rule(result, "port-in-use");
  REQUIRE(found.size() == 1);  // one host under two spellings
  CHECK(found[0]->count == 2);
  CHECK(found[0]->host == "gw-a");
  CHECK(found[0]->fingerprint == analysis::fingerprint("port-in-use", {{"port", "18789"}}));
  CHECK(result.hosts.size() == 1);
}

TEST_CASE("a threshold never counts two hosts' lines as one loop", "[hosts]") {
  const RuleSet rules = rules_from(kRules);
  // Two restarts on each of two hosts: four in 15 minutes, but no host looped three times.
  const AnalysisResult apart =
      analyze(rules, {on_host("2026-12-01T10:00:00Z", restart(1), "gw-a"),
                      on_host("2026-12-01T10:00:01Z", restart(1), "gw-b"),
                      on_host("2026-12-01T10:00:10Z", restart(2), "gw-a"),
                      on_host("2026-12-01T10:00:11Z", restart(2), "gw-b")});
  CHECK(of_rule(apart, "unit-restart-loop").empty());
  // Three on one of them is its loop, and only its own.
  const AnalysisResult one = analyze(rules, {on_host("2026-12-01T10:00:00Z", restart(1), "gw-a"),
                                             on_host("2026-12-01T10:00:01Z", restart(1), "gw-b"),
                                             on_host("2026-12-01T10:00:10Z", restart(2), "gw-a"),
                                             on_host("2026-12-01T10:00:20Z", restart(3), "gw-a")});
  const auto loops = of_rule(one, "unit-restart-loop");
  REQUIRE(loops.size() == 1);
  CHECK(loops[0]->host == "gw-a");
  for (const Evidence& e : loops[0]->evidence) CHECK(e.host == "gw-a");
}

TEST_CASE("a port conflict on one host never folds another host's loop", "[hosts][linking]") {
  const RuleSet linked = rules_from(
      rules_yaml({eaddrinuse_rule("[restart_loop_systemd]"), systemd_restart_loop_rule()}));

  const AnalysisResult result =
      analyze(linked, {on_host("2026-12-01T10:00:00Z", kInUse, "gw-a"),
                       on_host("2026-12-01T10:00:01Z", restart(1), "gw-b"),
                       on_host("2026-12-01T10:00:10Z", restart(2), "gw-b"),
                       on_host("2026-12-01T10:00:20Z", restart(3), "gw-b")});
  // Both are roots: gw-a's conflict explains nothing on gw-b.
  REQUIRE(of_rule(result, "port-in-use").size() == 1);
  REQUIRE(of_rule(result, "unit-restart-loop").size() == 1);
  CHECK(of_rule(result, "port-in-use")[0]->explains.empty());
}

TEST_CASE("host keys: short, lower case, addresses whole", "[hosts]") {
  CHECK(analysis::host_key("OC-GW-01.example.net") == "oc-gw-01");
  CHECK(analysis::host_key("10.0.0.7") == "10.0.0.7");
  CHECK(analysis::host_key("") == "");
  analysis::HostTally tally;
  tally.add("gw-b");
  tally.add("");
  CHECK_FALSE(tally.many());
  tally.add("GW-B.lan");
  CHECK_FALSE(tally.many());
  tally.add("gw-a");
  CHECK(tally.many());
  const auto hosts = tally.hosts();
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0].host == "gw-a");
  CHECK(hosts[1].events == 2);
}
