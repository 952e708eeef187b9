// PM2 (its daemon pid file, the apps' pid files, the saved app list) and the OpenClaw config.
#include <dirent.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>

#include "checks.hpp"

namespace logdx::host {
namespace {

bool alive(const ProcTree& proc, const std::string& pid_text) {
  int pid = 0;
  for (char c : pid_text) {
    if (c == '\n' || c == ' ') break;
    if (c < '0' || c > '9' || pid > 10'000'000) return false;
    pid = pid * 10 + (c - '0');
  }
  return pid > 0 && proc.process(pid).has_value();
}

// "openclaw-gateway-0.pid" -> "openclaw-gateway" (PM2 names pid files NAME-ID.pid).
std::string app_of_pid_file(const std::string& file) {
  const std::string stem = file.substr(0, file.size() - 4);
  const std::size_t dash = stem.rfind('-');
  return dash == std::string::npos ? stem : stem.substr(0, dash);
}

// The apps `pm2 save` wrote, with their restart counts at that time.
std::vector<std::string> saved_apps(const std::string& dump_text) {
  std::vector<std::string> apps;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(dump_text).get(doc) != simdjson::SUCCESS) return apps;
  simdjson::dom::array list;
  if (doc.get_array().get(list) != simdjson::SUCCESS) return apps;
  for (simdjson::dom::element app : list) {
    std::string_view name;
    if (app["name"].get_string().get(name) != simdjson::SUCCESS) continue;
    int64_t restarts = 0;
    if (app["restart_time"].get_int64().get(restarts) == simdjson::SUCCESS) {
      apps.push_back(fmt::format("{} ({} restarts when saved)", name, restarts));
    } else {
      apps.emplace_back(name);
    }
  }
  return apps;
}

}  // namespace

HostCheck check_pm2(const ProcTree& proc, const HostPaths& paths) {
  HostCheck check{"pm2", CheckStatus::ok, "", {}, Bearing::none, ""};
  const std::string home = paths.under_root(paths.pm2_home);
  struct stat info {};
  if (paths.pm2_home.empty() || stat(home.c_str(), &info) != 0) {
    check.status = CheckStatus::skipped;
    check.summary = fmt::format("no PM2 folder at {} (PM2 is not used by this user)",
                                paths.pm2_home.empty() ? "~/.pm2" : paths.pm2_home);
    return check;
  }
  const auto daemon = read_small_file(home + "/pm2.pid");
  const bool daemon_alive = daemon && alive(proc, *daemon);
  check.facts.emplace_back("pm2_daemon", daemon_alive ? "running" : "not running");
  std::vector<std::string> apps;
  if (DIR* dir = opendir((home + "/pids").c_str())) {
    while (const dirent* e = readdir(dir)) {
      const std::string file = e->d_name;
      if (file.size() < 5 || file.substr(file.size() - 4) != ".pid") continue;
      const auto pid = read_small_file(home + "/pids/" + file);
      apps.push_back(fmt::format("{} {}", app_of_pid_file(file),
                                 pid && alive(proc, *pid) ? "running" : "not running"));
    }
    closedir(dir);
  }
  std::sort(apps.begin(), apps.end());
  const auto dump = read_small_file(home + "/dump.pm2");
  const std::vector<std::string> saved = dump ? saved_apps(*dump) : std::vector<std::string>{};
  std::string app_list, saved_list;
  for (const auto& a : apps) app_list += (app_list.empty() ? "" : ", ") + a;
  for (const auto& s : saved) saved_list += (saved_list.empty() ? "" : ", ") + s;
  if (!app_list.empty()) check.facts.emplace_back("apps", app_list);
  if (!saved_list.empty()) check.facts.emplace_back("saved_apps", saved_list);
  check.summary = fmt::format("PM2 daemon {}; apps: {}", daemon_alive ? "running" : "not running",
                              app_list.empty() ? "none with a pid file" : app_list);
  if (!daemon_alive && !saved.empty()) {
    check.status = CheckStatus::problem;
    check.summary += "; saved apps will not run until `pm2 resurrect`";
  }
  return check;
}

HostCheck check_config(const HostQuestion& question, const HostPaths& paths) {
  HostCheck check{"config", CheckStatus::ok, "", {{"path", paths.openclaw_config}}, Bearing::none,
                  ""};
  if (paths.openclaw_config.empty()) {
    check.status = CheckStatus::skipped;
    check.summary = "no HOME or OPENCLAW_CONFIG_PATH, so the OpenClaw config was not looked for";
    return check;
  }
  const bool missing_cause = has_cause(question, "missing_config");
  const auto text = read_small_file(paths.under_root(paths.openclaw_config));
  if (!text) {
    check.status = CheckStatus::problem;
    check.summary = fmt::format("no OpenClaw config at {}", paths.openclaw_config);
    if (missing_cause) {
      check.bearing = Bearing::confirms;
      check.cause = "missing_config";
    }
    return check;
  }
  const auto mode = gateway_mode_of(*text);
  if (!mode) {
    check.status = CheckStatus::problem;
    check.summary = fmt::format("{} is not valid JSON5, so gateway.mode could not be read",
                                paths.openclaw_config);
    if (has_cause(question, "invalid_config")) {
      check.bearing = Bearing::confirms;
      check.cause = "invalid_config";
    }
    return check;
  }
  if (mode->empty()) {
    check.status = CheckStatus::problem;
    check.summary = fmt::format("gateway.mode is not set in {}", paths.openclaw_config);
  } else {
    check.facts.emplace_back("gateway_mode", *mode);
    check.summary = fmt::format("gateway.mode is {} in {}", *mode, paths.openclaw_config);
  }
  if (missing_cause) {
    check.bearing = mode->empty() ? Bearing::confirms : Bearing::rules_out;
    check.cause = "missing_config";
    if (!mode->empty()) check.summary += " (set since the logs were written)";
  }
  return check;
}

}  // namespace logdx::host
