// Is a gateway running now, and under what: a systemd unit (from /proc/PID/cgroup), a
// container, PM2 (its parent is "PM2 v..."), or by hand. With `systemctl` present and a real
// root, the unit's state and restart count come from `systemctl show` (read-only).
#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <memory>

#include "checks.hpp"

namespace logdx::host {
namespace {

// The innermost unit in the cgroup path: a user unit sits below user@UID.service, so
// ".../user@1000.service/app.slice/openclaw-gateway.service" is openclaw-gateway.service.
std::string unit_of(const std::string& cgroup) {
  std::string unit;
  std::size_t start = 0;
  while (start < cgroup.size()) {
    std::size_t end = cgroup.find_first_of("/\n", start);
    if (end == std::string::npos) end = cgroup.size();
    const std::string_view part(cgroup.data() + start, end - start);
    if (part.ends_with(".service") || part.ends_with(".scope")) unit = std::string(part);
    start = end + 1;
  }
  return unit;
}

std::string container_of(const std::string& cgroup) {
  for (const char* marker : {"/docker/", "docker-", "/libpod-", "/kubepods"}) {
    const std::size_t at = cgroup.find(marker);
    if (at == std::string::npos) continue;
    std::string id = cgroup.substr(at + std::string_view(marker).size());
    id = id.substr(0, id.find_first_of("/.\n"));
    return id.substr(0, 12);
  }
  return {};
}

bool safe_unit_name(const std::string& unit) {
  if (unit.empty() || unit.size() > 200) return false;
  for (char c : unit) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '@' || c == ':';
    if (!ok) return false;
  }
  return true;
}

// `systemctl show` of a unit whose name was checked to hold only safe characters.
std::string systemctl_show(const std::string& unit) {
  const std::string command = fmt::format(
      "systemctl show --property=ActiveState,NRestarts --value -- {} 2>/dev/null", unit);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return {};
  std::string out;
  std::array<char, 256> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) out += buffer.data();
  return out;
}

void add_unit_state(HostCheck& check, const std::string& unit, const HostPaths& paths) {
  if (!paths.allow_commands || !safe_unit_name(unit)) return;
  const std::string shown = systemctl_show(unit);
  const std::size_t newline = shown.find('\n');
  if (newline == std::string::npos) {
    check.facts.emplace_back("systemctl", "not available (state and restart count not read)");
    return;
  }
  check.facts.emplace_back("unit_state", shown.substr(0, newline));
  std::string restarts = shown.substr(newline + 1);
  while (!restarts.empty() && restarts.back() == '\n') restarts.pop_back();
  if (!restarts.empty()) check.facts.emplace_back("unit_restarts", restarts);
}

}  // namespace

HostCheck check_gateway_process(const HostQuestion& question, const ProcTree& proc,
                                const HostPaths& paths) {
  HostCheck check{"gateway_process", CheckStatus::ok, "", {}, Bearing::none, ""};
  if (!proc.exists()) {
    check.status = CheckStatus::skipped;
    check.summary = fmt::format("{} is not a readable /proc", proc.dir());
    return check;
  }
  std::vector<std::string> running;
  for (int pid : proc.pids()) {
    const auto info = proc.process(pid);
    if (!info || !looks_like_gateway(*info)) continue;
    std::string under = "started by hand or an unknown manager";
    const std::string unit = unit_of(info->cgroup);
    const std::string container = container_of(info->cgroup);
    const auto parent = proc.process(info->ppid);
    if (!container.empty()) {
      under = fmt::format("in container {}", container);
      check.facts.emplace_back("container", container);
    } else if (parent && parent->cmdline.rfind("PM2", 0) == 0) {
      under = "under PM2";
      check.facts.emplace_back("manager", "pm2");
    } else if (!unit.empty() && unit.find(".service") != std::string::npos) {
      under = fmt::format("as systemd unit {}", unit);
      check.facts.emplace_back("unit", unit);
      add_unit_state(check, unit, paths);
    }
    check.facts.emplace_back("gateway_pid", std::to_string(pid));
    running.push_back(fmt::format("pid {} {}", pid, under));
  }
  if (running.empty()) {
    check.status = CheckStatus::problem;
    check.summary = "no gateway process is running now";
    if (has_cause(question, "gateway_not_running")) {
      check.bearing = Bearing::confirms;
      check.cause = "gateway_not_running";
    }
    return check;
  }
  std::string list;
  for (const auto& r : running) list += (list.empty() ? "" : "; ") + r;
  check.summary = fmt::format("{} gateway process{} running now: {}", running.size(),
                              running.size() == 1 ? "" : "es", list);
  if (running.size() > 1) {
    check.status = CheckStatus::problem;
    check.summary += " (more than one: they compete for the port and state)";
    if (has_cause(question, "second_instance")) {
      check.bearing = Bearing::confirms;
      check.cause = "second_instance";
    }
  } else if (has_cause(question, "gateway_not_running")) {
    check.bearing = Bearing::rules_out;
    check.cause = "gateway_not_running";
  }
  return check;
}

}  // namespace logdx::host
