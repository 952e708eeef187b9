// analyze --host on fake machines: who holds the port, memory, the gateway process and its
// manager, PM2, and gateway.mode in the OpenClaw config; each check skipped with a note when
// what it reads is not there.
#include <sys/stat.h>

#include "checks.hpp"
#include "fake_host.hpp"

using namespace logdx;
using namespace logdx::host;
using namespace logdx::testing;

namespace {

// 127.0.0.1:18789 as /proc/net/tcp prints it (little-endian address, hex port 4965).
const std::string kLoopback18789 = "0100007F:4965";

}  // namespace

TEST_CASE("the port holder is found through its socket inode and confirms the conflict", "[host]") {
  FakeHost fake;
  fake.meminfo(2048, 1500);
  fake.tcp(listen_row(kLoopback18789, 55501, 0) + listen_row("0100007F:0016", 777));
  fake.process(1187, 1, "docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-port 18789",
               "0::/system.slice/docker.service", 55501);
  const HostReport report = run_host_checks({{18789}, {"port_conflict"}, {}}, fake.paths());
  const HostCheck port = find_check(report, "port");
  CHECK(port.status == CheckStatus::problem);
  CHECK(port.bearing == Bearing::confirms);
  CHECK(port.cause == "port_conflict");
  CHECK(fact(port, "holder_pid") == "1187");
  CHECK(fact(port, "address") == "127.0.0.1");
  CHECK(fact(port, "holder_command") == "/usr/bin/docker-proxy -proto tcp -host-port 18789");
  CHECK(port.summary ==
        "port 18789 is held now by pid 1187 (docker-proxy), which is not a gateway");
}

TEST_CASE("a free port rules the conflict out; an IPv6 listener is read too", "[host]") {
  FakeHost fake;
  fake.tcp("");
  const HostReport free_port = run_host_checks({{18789}, {"port_conflict"}, {}}, fake.paths());
  CHECK(find_check(free_port, "port").bearing == Bearing::rules_out);

  fake.tcp(listen_row("00000000000000000000000001000000:4965", 9001), true);
  fake.process(4242, 1, "openclaw-gateway", "openclaw-gateway", "0::/user.slice", 9001);
  const HostReport held = run_host_checks({{}, {"gateway_not_running"}, {}}, fake.paths());
  const HostCheck port = find_check(held, "port");
  CHECK(fact(port, "address") == "::1");
  CHECK(port.status == CheckStatus::ok);
  CHECK(port.bearing == Bearing::rules_out);  // a gateway listens: it is running after all
  CHECK(port.summary == "port 18789 is held now by pid 4242 (openclaw-gateway), a gateway");
}

TEST_CASE("a holder whose process this user cannot see is named by uid", "[host]") {
  FakeHost fake;
  fake.tcp(listen_row(kLoopback18789, 31337, 0));
  const HostCheck port = find_check(run_host_checks({{18789}, {}, {}}, fake.paths()), "port");
  CHECK(port.summary.find("uid 0 (socket inode 31337; its process is not visible") !=
        std::string::npos);
}

TEST_CASE("memory below what the gateway needs confirms low memory", "[host]") {
  FakeHost fake;
  fake.meminfo(512, 180);
  const HostCheck low =
      find_check(run_host_checks({{}, {"low_memory"}, {}}, fake.paths()), "memory");
  CHECK(low.status == CheckStatus::problem);
  CHECK(low.bearing == Bearing::confirms);
  CHECK(fact(low, "mem_available_mb") == "180");
  fake.meminfo(4096, 3000);
  const HostCheck fine =
      find_check(run_host_checks({{}, {"oom_kernel"}, {}}, fake.paths()), "memory");
  CHECK(fine.status == CheckStatus::ok);
  CHECK(fine.summary.find("enough now") != std::string::npos);
}

TEST_CASE("the gateway process and what runs it, from cgroup and parent", "[host]") {
  FakeHost fake;
  fake.meminfo(2048, 1500);
  fake.process(900, 1, "PM2 v7.0.4: God", "PM2 v7.0.4: God Daemon (/home/u/.pm2)");
  fake.process(901, 900, "openclaw-gateway", "openclaw-gateway");
  fake.process(
      950, 1, "node", "/usr/bin/node /usr/lib/node_modules/openclaw/dist/index.js gateway run",
      "0::/user.slice/user-1000.slice/user@1000.service/app.slice/openclaw-gateway.service");
  fake.process(960, 1, "journalctl", "journalctl -u openclaw-gateway");  // not a gateway
  const HostCheck proc =
      find_check(run_host_checks({{}, {"second_instance"}, {}}, fake.paths()), "gateway_process");
  CHECK(proc.status == CheckStatus::problem);
  CHECK(proc.bearing == Bearing::confirms);
  CHECK(proc.summary ==
        "2 gateway processes running now: pid 901 under PM2; pid 950 as systemd unit "
        "openclaw-gateway.service (more than one: they compete for the port and state)");
  CHECK(fact(proc, "unit") == "openclaw-gateway.service");
}

TEST_CASE("no gateway process confirms that it is not running", "[host]") {
  FakeHost fake;
  fake.meminfo(2048, 1500);
  fake.process(1, 0, "systemd", "/sbin/init");
  const HostCheck proc = find_check(
      run_host_checks({{}, {"gateway_not_running"}, {}}, fake.paths()), "gateway_process");
  CHECK(proc.summary == "no gateway process is running now");
  CHECK(proc.bearing == Bearing::confirms);
}

TEST_CASE("PM2: daemon and app pid files, saved apps", "[host]") {
  FakeHost fake;
  fake.meminfo(2048, 1500);
  fake.process(900, 1, "PM2 v7.0.4: God", "PM2 v7.0.4: God Daemon");
  fake.write("/home/u/.pm2/pm2.pid", "900");
  fake.write("/home/u/.pm2/pids/openclaw-gateway-0.pid", "4321");  // gone
  fake.write("/home/u/.pm2/dump.pm2",
             R"([{"name":"openclaw-gateway","pm_id":0,"restart_time":15,"status":"online"}])");
  const HostCheck pm2 = find_check(run_host_checks({}, fake.paths()), "pm2");
  CHECK(pm2.summary == "PM2 daemon running; apps: openclaw-gateway not running");
  CHECK(fact(pm2, "saved_apps") == "openclaw-gateway (15 restarts when saved)");
  fake.write("/home/u/.pm2/pm2.pid", "12345");
  const HostCheck dead = find_check(run_host_checks({}, fake.paths()), "pm2");
  CHECK(dead.status == CheckStatus::problem);
  CHECK(dead.summary.find("pm2 resurrect") != std::string::npos);
}

TEST_CASE("a unit the logs name: systemctl is never run under a fake root", "[host]") {
  FakeHost fake;
  fake.meminfo(2048, 1500);
  const HostReport report =
      run_host_checks({{}, {"restart_loop_systemd"}, {"openclaw-gateway.service"}}, fake.paths());
  const HostCheck unit = find_check(report, "systemd_unit");
  CHECK(unit.status == CheckStatus::skipped);
  CHECK(unit.summary == "openclaw-gateway.service: systemctl is not run under --host-root");
  CHECK(fact(unit, "unit") == "openclaw-gateway.service");
}

TEST_CASE("a unit's state and restart count come from systemctl show", "[host]") {
  FakeHost fake;
  // A stand-in systemctl that answers `show` as systemd does for a failed unit.
  fake.write("/bin/systemctl", "#!/bin/sh\nprintf 'loaded\\nfailed\\n7\\n'\n");
  REQUIRE(chmod((fake.paths().root + "/bin/systemctl").c_str(), 0755) == 0);
  const std::string saved_path = std::getenv("PATH") == nullptr ? "" : std::getenv("PATH");
  setenv("PATH", (fake.paths().root + "/bin").c_str(), 1);
  HostPaths paths = fake.paths();
  paths.allow_commands = true;
  const HostCheck unit = find_check(
      run_host_checks({{}, {"gateway_not_running"}, {"openclaw-gateway.service"}}, paths),
      "systemd_unit");
  setenv("PATH", saved_path.c_str(), 1);
  CHECK(unit.status == CheckStatus::problem);
  CHECK(
      unit.summary ==
      "openclaw-gateway.service is failed now; systemd restarted it 7 times since it was started");
  CHECK(fact(unit, "unit_restarts") == "7");
  CHECK(unit.bearing == Bearing::confirms);
  // A name from a log that is not a plain unit name is never put on a command line.
  const HostCheck odd =
      find_check(run_host_checks({{}, {}, {"x.service; touch /tmp/p"}}, paths), "systemd_unit");
  CHECK(odd.summary == "x.service; touch /tmp/p: not a unit name systemctl is asked about");
}

TEST_CASE("checks that cannot run are skipped with the reason", "[host]") {
  FakeHost fake;  // an empty /proc: no meminfo, no net/tcp; no home folder
  const HostReport report = run_host_checks({}, fake.paths());
  CHECK(find_check(report, "port").status == CheckStatus::skipped);
  CHECK(find_check(report, "memory").status == CheckStatus::skipped);
  CHECK(find_check(report, "pm2").status == CheckStatus::skipped);
  CHECK(find_check(report, "pm2").summary.find("no PM2 folder") != std::string::npos);
  HostPaths no_home = fake.paths();
  no_home.openclaw_config.clear();
  CHECK(find_check(run_host_checks({}, no_home), "config").status == CheckStatus::skipped);
}

TEST_CASE("gateway.mode in the OpenClaw config (JSON5)", "[host]") {
  FakeHost fake;
  fake.write("/home/u/.openclaw/openclaw.json",
             "// written by openclaw onboard\n{\n  gateway: { port: 18789, mode: 'local', },\n"
             "  /* agents */ agents: {defaults: {mode: \"x\"}},\n}\n");
  const HostCheck set =
      find_check(run_host_checks({{}, {"missing_config"}, {}}, fake.paths()), "config");
  CHECK(fact(set, "gateway_mode") == "local");
  CHECK(set.bearing == Bearing::rules_out);
  fake.write("/home/u/.openclaw/openclaw.json",
             R"({"gateway": {"port": 18789}, "mode": "remote"})");
  const HostCheck unset =
      find_check(run_host_checks({{}, {"missing_config"}, {}}, fake.paths()), "config");
  CHECK(unset.status == CheckStatus::problem);
  CHECK(unset.bearing == Bearing::confirms);
  fake.write("/home/u/.openclaw/openclaw.json", "{ gateway: { mode: 'local' ");
  CHECK(find_check(run_host_checks({}, fake.paths()), "config").summary.find("not valid JSON5") !=
        std::string::npos);
}

TEST_CASE("the JSON5 reader takes only top-level gateway.mode", "[host]") {
  CHECK(gateway_mode_of(R"({"gateway":{"mode":"local"}})") == "local");
  CHECK(gateway_mode_of(R"({"other":{"gateway":{"mode":"local"}}})") == "");
  CHECK(gateway_mode_of("{gateway: {auth: {mode: 'token'}}}") == "");
  CHECK(gateway_mode_of("[1, 2,]") == "");
  CHECK_FALSE(gateway_mode_of("{gateway: ").has_value());
  CHECK_FALSE(gateway_mode_of("{} trailing").has_value());
}

TEST_CASE("paths resolve from the environment and under the root", "[host]") {
  setenv("HOME", "/home/u", 1);
  unsetenv("OPENCLAW_CONFIG_PATH");
  setenv("OPENCLAW_STATE_DIR", "/srv/oc", 1);
  unsetenv("PM2_HOME");
  const HostPaths paths = HostPaths::from_environment("/tmp/fake/");
  CHECK(paths.openclaw_config == "/srv/oc/openclaw.json");
  CHECK(paths.pm2_home == "/home/u/.pm2");
  CHECK_FALSE(paths.allow_commands);
  CHECK(paths.under_root("/proc") == "/tmp/fake/proc");
  unsetenv("OPENCLAW_STATE_DIR");
  CHECK(HostPaths::from_environment("/").openclaw_config == "/home/u/.openclaw/openclaw.json");
  CHECK(HostPaths::from_environment("/").allow_commands);
}
