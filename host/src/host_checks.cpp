#include "logdx/host/host_checks.hpp"

#include <algorithm>
#include <cstdlib>

#include "checks.hpp"

namespace logdx::host {
namespace {

constexpr int kDefaultGatewayPort = 18789;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

HostPaths HostPaths::from_environment(std::string root) {
  HostPaths paths;
  paths.root = root.empty() ? "/" : std::move(root);
  paths.allow_commands = paths.root == "/";
  const std::string home = env("HOME");
  // As OpenClaw resolves it: OPENCLAW_CONFIG_PATH, else OPENCLAW_STATE_DIR/openclaw.json,
  // else ~/.openclaw/openclaw.json.
  if (!env("OPENCLAW_CONFIG_PATH").empty()) {
    paths.openclaw_config = env("OPENCLAW_CONFIG_PATH");
  } else if (!env("OPENCLAW_STATE_DIR").empty()) {
    paths.openclaw_config = env("OPENCLAW_STATE_DIR") + "/openclaw.json";
  } else if (!home.empty()) {
    paths.openclaw_config = home + "/.openclaw/openclaw.json";
  }
  if (!env("PM2_HOME").empty()) {
    paths.pm2_home = env("PM2_HOME");
  } else if (!home.empty()) {
    paths.pm2_home = home + "/.pm2";
  }
  return paths;
}

std::string HostPaths::under_root(const std::string& path) const {
  if (root == "/" || root.empty()) return path;
  std::string base = root;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base + (path.empty() || path.front() != '/' ? "/" : "") + path;
}

bool has_cause(const HostQuestion& question, std::string_view cause) {
  return std::find(question.causes.begin(), question.causes.end(), cause) != question.causes.end();
}

HostReport run_host_checks(const HostQuestion& question, const HostPaths& paths) {
  const ProcTree proc(paths.under_root("/proc"));
  HostReport report;
  std::vector<int> ports = question.ports;
  if (ports.empty()) ports.push_back(kDefaultGatewayPort);
  for (int port : ports) report.checks.push_back(check_port(port, question, proc));
  report.checks.push_back(check_memory(question, proc));
  report.checks.push_back(check_gateway_process(question, proc));
  for (const auto& unit : question.units) {
    report.checks.push_back(check_systemd_unit(unit, question, paths));
  }
  report.checks.push_back(check_pm2(proc, paths));
  report.checks.push_back(check_config(question, paths));
  return report;
}

std::string_view to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::ok:
      return "ok";
    case CheckStatus::problem:
      return "problem";
    case CheckStatus::skipped:
      return "skipped";
  }
  return "skipped";
}

std::string_view to_string(Bearing bearing) {
  switch (bearing) {
    case Bearing::none:
      return "none";
    case Bearing::confirms:
      return "confirms";
    case Bearing::rules_out:
      return "rules_out";
  }
  return "none";
}

}  // namespace logdx::host
