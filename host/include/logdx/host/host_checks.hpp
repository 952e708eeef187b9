#pragma once
// `analyze --host`: read-only checks of the machine logdx runs on, to confirm or rule out what
// the logs suggest. Who holds the gateway's port now (/proc/net/tcp{,6} and the socket inodes
// under /proc/PID/fd; no lsof), memory available (/proc/meminfo) against what the gateway
// needs, whether a gateway process runs and under what (systemd unit, PM2, a container, from
// /proc/PID/cgroup and the parent), PM2's saved apps and pid files, and whether gateway.mode
// is set in the OpenClaw config. Nothing is changed, nothing is printed; a check that cannot
// run is `skipped` with the reason. Every path is under `HostPaths::root`, so tests run the
// checks on a fake /proc tree.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace logdx::host {

struct HostPaths {
  std::string root = "/";       // prefix of /proc and of every other path below
  std::string openclaw_config;  // absolute, without root: the OpenClaw config file
  std::string pm2_home;         // absolute, without root: PM2's folder (~/.pm2)
  bool allow_commands = true;   // may run `systemctl show` (read-only); off under a fake root

  // From HOME, OPENCLAW_CONFIG_PATH, OPENCLAW_STATE_DIR and PM2_HOME, as OpenClaw and PM2
  // resolve them; commands are allowed only when `root` is "/".
  static HostPaths from_environment(std::string root);
  std::string under_root(const std::string& path) const;
};

// What the logs made us ask about.
struct HostQuestion {
  std::vector<int> ports;           // from the diagnoses' facts; 18789 when none
  std::vector<std::string> causes;  // every cause found (roots and folded)
  std::vector<std::string> units;   // systemd units the diagnoses name (their `unit` fact)
};

enum class CheckStatus : std::uint8_t { ok, problem, skipped };
// How a check's result bears on the diagnoses: it confirms one, rules one out, or is context.
enum class Bearing : std::uint8_t { none, confirms, rules_out };

struct HostCheck {
  std::string name;  // "port", "memory", "gateway_process", "systemd_unit", "pm2", "config"
  CheckStatus status = CheckStatus::ok;
  std::string summary;  // one sentence for people
  std::vector<std::pair<std::string, std::string>> facts;
  Bearing bearing = Bearing::none;
  std::string cause;  // the diagnosed cause this confirms or rules out
};

struct HostReport {
  std::vector<HostCheck> checks;
};

HostReport run_host_checks(const HostQuestion& question, const HostPaths& paths);

std::string_view to_string(CheckStatus status);
std::string_view to_string(Bearing bearing);

}  // namespace logdx::host
