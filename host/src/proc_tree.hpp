#pragma once
// Read-only access to a /proc tree (the real one or a fake one under a root prefix, for
// tests): processes, their command lines, cgroups and open sockets.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace logdx::host {

// A whole small file, or nullopt when it is missing or unreadable.
std::optional<std::string> read_small_file(const std::string& path);

struct ProcessInfo {
  int pid = 0;
  int ppid = 0;
  std::string comm;     // /proc/PID/comm, without the newline
  std::string cmdline;  // arguments joined by spaces
  std::string cgroup;   // /proc/PID/cgroup, whole
  std::optional<std::uint32_t> uid;
};

class ProcTree {
 public:
  explicit ProcTree(std::string proc_dir) : proc_(std::move(proc_dir)) {}

  bool exists() const;
  const std::string& dir() const { return proc_; }
  std::vector<int> pids() const;
  std::optional<ProcessInfo> process(int pid) const;
  // socket inode -> pid, from the /proc/PID/fd links ("socket:[INODE]") this user may read.
  std::map<std::uint64_t, int> socket_owners() const;

 private:
  std::string proc_;
};

// The gateway renames itself `openclaw-gateway`; started by hand or by a manager it may still
// show as `node .../openclaw ... gateway`.
bool looks_like_gateway(const ProcessInfo& process);

}  // namespace logdx::host
