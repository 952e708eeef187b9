#include "proc_tree.hpp"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace logdx::host {
namespace {

constexpr std::size_t kSmallFileLimit = 4 << 20;

bool all_digits(const char* name) {
  if (*name == '\0') return false;
  for (const char* c = name; *c != '\0'; ++c) {
    if (*c < '0' || *c > '9') return false;
  }
  return true;
}

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* e = readdir(d)) names.emplace_back(e->d_name);
  closedir(d);
  return names;
}

// "1234 (comm with spaces) S 1 ...": the parent pid is the second field after the last ')'.
int ppid_from_stat(const std::string& stat) {
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(stat.substr(close + 1));
  std::string state;
  int ppid = 0;
  rest >> state >> ppid;
  return ppid;
}

std::optional<std::uint32_t> uid_from_status(const std::string& status) {
  const std::size_t at = status.find("\nUid:");
  if (at == std::string::npos) return std::nullopt;
  std::istringstream line(status.substr(at + 5));
  std::uint32_t uid = 0;
  if (line >> uid) return uid;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text;
  char buffer[8192];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kSmallFileLimit) break;
  }
  return text;
}

bool ProcTree::exists() const {
  return access((proc_ + "/meminfo").c_str(), R_OK) == 0 ||
         access((proc_ + "/net").c_str(), R_OK) == 0;
}

std::vector<int> ProcTree::pids() const {
  std::vector<int> pids;
  for (const auto& name : entries(proc_)) {
    if (all_digits(name.c_str())) pids.push_back(std::stoi(name));
  }
  std::sort(pids.begin(), pids.end());
  return pids;
}

std::optional<ProcessInfo> ProcTree::process(int pid) const {
  const std::string base = proc_ + "/" + std::to_string(pid);
  const auto stat = read_small_file(base + "/stat");
  const auto cmdline = read_small_file(base + "/cmdline");
  if (!stat && !cmdline) return std::nullopt;
  ProcessInfo info;
  info.pid = pid;
  if (stat) info.ppid = ppid_from_stat(*stat);
  info.comm = read_small_file(base + "/comm").value_or("");
  while (!info.comm.empty() && info.comm.back() == '\n') info.comm.pop_back();
  info.cmdline = cmdline.value_or("");
  while (!info.cmdline.empty() && info.cmdline.back() == '\0') info.cmdline.pop_back();
  std::replace(info.cmdline.begin(), info.cmdline.end(), '\0', ' ');
  info.cgroup = read_small_file(base + "/cgroup").value_or("");
  if (const auto status = read_small_file(base + "/status")) info.uid = uid_from_status(*status);
  return info;
}

std::map<std::uint64_t, int> ProcTree::socket_owners() const {
  std::map<std::uint64_t, int> owners;
  for (int pid : pids()) {
    const std::string fd_dir = proc_ + "/" + std::to_string(pid) + "/fd";
    for (const auto& fd : entries(fd_dir)) {
      if (!all_digits(fd.c_str())) continue;
      char target[128];
      const ssize_t n = readlink((fd_dir + "/" + fd).c_str(), target, sizeof target - 1);
      if (n <= 0) continue;
      const std::string link(target, static_cast<std::size_t>(n));
      if (link.rfind("socket:[", 0) != 0 || link.back() != ']') continue;
      try {
        owners.emplace(std::stoull(link.substr(8, link.size() - 9)), pid);
      } catch (const std::exception&) {
        continue;  // not a number: not a socket link after all
      }
    }
  }
  return owners;
}

bool looks_like_gateway(const ProcessInfo& process) {
  if (process.comm == "openclaw-gateway") return true;
  // `node .../openclaw/dist/index.js gateway run` or `openclaw gateway`: the program is node or
  // openclaw, one argument is the word `gateway`. (Not just any command line naming both:
  // `journalctl -u openclaw-gateway` is not a gateway.)
  std::istringstream words(process.cmdline);
  std::string program, word;
  words >> program;
  const std::string name = program.substr(program.rfind('/') + 1);
  if (name == "openclaw-gateway") return true;
  if (name != "node" && name != "nodejs" && name != "openclaw" && name != "bun") return false;
  bool openclaw = name == "openclaw", gateway = false;
  while (words >> word) {
    openclaw = openclaw || word.find("openclaw") != std::string::npos;
    gateway = gateway || word == "gateway";
  }
  return openclaw && gateway;
}

}  // namespace logdx::host
