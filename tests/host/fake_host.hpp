#pragma once
// A fake machine for the host checks: a temporary folder holding /proc (meminfo, net/tcp,
// processes with cmdline, comm, stat, cgroup, fd links), a home folder and configs, removed
// when the test ends.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "logdx/host/host_checks.hpp"

namespace logdx::testing {

class FakeHost {
 public:
  FakeHost() {
    std::string pattern = (std::filesystem::temp_directory_path() / "logdx-host-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    root_ = pattern;
    std::filesystem::create_directories(root_ / "proc/net");
  }
  ~FakeHost() { std::filesystem::remove_all(root_); }
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  void write(const std::string& path, const std::string& text) const {
    const auto full = root_ / path.substr(path.front() == '/' ? 1 : 0);
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << text;
  }

  void meminfo(int total_mb, int available_mb) const {
    write("/proc/meminfo", "MemTotal:       " + std::to_string(total_mb * 1024) +
                               " kB\nMemFree:          10000 kB\nMemAvailable:   " +
                               std::to_string(available_mb * 1024) + " kB\n");
  }

  // A process; `socket_inode` > 0 gives it fd 3 -> socket:[inode].
  void process(int pid, int ppid, const std::string& comm, const std::string& argv0_args,
               const std::string& cgroup = "0::/user.slice", unsigned long socket_inode = 0) const {
    const std::string base = "/proc/" + std::to_string(pid);
    std::string cmdline = argv0_args;
    for (char& c : cmdline) c = c == ' ' ? '\0' : c;
    write(base + "/cmdline", cmdline + std::string(1, '\0'));
    write(base + "/comm", comm + "\n");
    write(base + "/stat",
          std::to_string(pid) + " (" + comm + ") S " + std::to_string(ppid) + " 1 1 0 -1\n");
    write(base + "/cgroup", cgroup + "\n");
    write(base + "/status", "Name:\t" + comm + "\nUid:\t1000\t1000\t1000\t1000\n");
    if (socket_inode > 0) {
      std::filesystem::create_directories(root_ / ("proc/" + std::to_string(pid) + "/fd"));
      std::filesystem::create_symlink("socket:[" + std::to_string(socket_inode) + "]",
                                      root_ / ("proc/" + std::to_string(pid) + "/fd/3"));
    }
  }

  // /proc/net/tcp with one listening socket per (hex address:port, inode).
  void tcp(const std::string& rows, bool v6 = false) const {
    write(v6 ? "/proc/net/tcp6" : "/proc/net/tcp",
          "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
          "timeout inode\n" +
              rows);
  }

  host::HostPaths paths() const {
    host::HostPaths p;
    p.root = root_.string();
    p.openclaw_config = "/home/u/.openclaw/openclaw.json";
    p.pm2_home = "/home/u/.pm2";
    p.allow_commands = false;
    return p;
  }

 private:
  std::filesystem::path root_;
};

// A /proc/net/tcp row: a listener (state 0A) at address:port (hex, as the kernel prints).
inline std::string listen_row(const std::string& address_port, unsigned long inode,
                              int uid = 1000) {
  return "   0: " + address_port + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000  " +
         std::to_string(uid) + "        0 " + std::to_string(inode) +
         " 1 0000000000000000 100 0 0 10 0\n";
}

// A copy: the report is usually a temporary.
inline host::HostCheck find_check(const host::HostReport& report, const std::string& name) {
  for (const auto& c : report.checks) {
    if (c.name == name) return c;
  }
  FAIL("no check named " << name);
  return {};
}

inline std::string fact(const host::HostCheck& check, const std::string& name) {
  for (const auto& [k, v] : check.facts) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace logdx::testing
