// Is a gateway running now, and under what: a systemd unit (from /proc/PID/cgroup), a
// container, PM2 (its parent is "PM2 v..."), or by hand. A unit the logs name: its state and
// restart count from `systemctl show` (read-only), when systemctl is there and the root is real.
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

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

bool systemctl_on_path() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path == nullptr ? "/usr/bin:/bin" : path;
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    if (!dir.empty() && access((dir + "/systemctl").c_str(), X_OK) == 0) return true;
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
  }
  return false;
}

struct UnitState {
  std::string active;    // ActiveState: active, failed, activating, inactive, ...
  std::string restarts;  // NRestarts
};

// `systemctl show` (read-only) of a unit whose name was checked to hold only safe characters:
// the system manager's first, then the user's (a unit in ~/.config/systemd/user).
std::optional<UnitState> systemctl_show(const std::string& unit) {
  for (const char* scope : {"", "--user "}) {
    const std::string command = fmt::format(
        "systemctl {}show --property=LoadState,ActiveState,NRestarts --value -- {} 2>/dev/null",
        scope, unit);
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) continue;
    std::vector<std::string> lines;
    std::array<char, 256> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) {
      std::string line = buffer.data();
      while (!line.empty() && line.back() == '\n') line.pop_back();
      lines.push_back(line);
    }
    if (lines.size() >= 3 && lines[0] == "loaded") return UnitState{lines[1], lines[2]};
  }
  return std::nullopt;
}

}  // namespace

HostCheck check_systemd_unit(const std::string& unit, const HostQuestion& question,
                             const HostPaths& paths) {
  HostCheck check{"systemd_unit", CheckStatus::skipped, "", {{"unit", unit}}, Bearing::none, ""};
  if (!paths.allow_commands) {
    check.summary = fmt::format("{}: systemctl is not run under --host-root", unit);
    return check;
  }
  if (!safe_unit_name(unit)) {
    check.summary = fmt::format("{}: not a unit name systemctl is asked about", unit);
    return check;
  }
  if (!systemctl_on_path()) {
    check.summary =
        fmt::format("{}: no systemctl on this machine, so its state was not read", unit);
    return check;
  }
  const std::optional<UnitState> state = systemctl_show(unit);
  if (!state) {
    check.summary = fmt::format("{}: systemd does not know this unit here", unit);
    return check;
  }
  check.facts.emplace_back("unit_state", state->active);
  check.facts.emplace_back("unit_restarts", state->restarts);
  check.status = state->active == "active" ? CheckStatus::ok : CheckStatus::problem;
  check.summary = fmt::format("{} is {} now; systemd restarted it {} times since it was started",
                              unit, state->active, state->restarts);
  if (state->active != "active" && has_cause(question, "gateway_not_running")) {
    check.bearing = Bearing::confirms;
    check.cause = "gateway_not_running";
  }
  return check;
}

HostCheck check_gateway_process(const HostQuestion& question, const ProcTree& proc) {
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
