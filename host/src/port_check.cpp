// Who holds a TCP port now: listening sockets from /proc/net/tcp and tcp6 (state 0A), their
// inodes matched to processes through /proc/PID/fd. No lsof, no ss.
#include <fmt/format.h>

#include <sstream>

#include "checks.hpp"

namespace logdx::host {
namespace {

constexpr const char* kListen = "0A";

struct Listener {
  std::string address;
  std::uint32_t uid = 0;
  std::uint64_t inode = 0;
};

// "0100007F" (little-endian bytes) -> "127.0.0.1"; 32 hex digits -> an IPv6 text.
std::string address_text(const std::string& hex) {
  auto byte = [&hex](std::size_t i) { return std::stoul(hex.substr(i * 2, 2), nullptr, 16); };
  if (hex.size() == 8) return fmt::format("{}.{}.{}.{}", byte(3), byte(2), byte(1), byte(0));
  if (hex.size() != 32) return hex;
  std::string out;
  bool zero = true;
  for (std::size_t word = 0; word < 4; ++word) {
    for (std::size_t half = 0; half < 2; ++half) {
      // Each 32-bit word is little-endian: its bytes are reversed.
      const std::size_t b = word * 4 + (half == 0 ? 3 : 1);
      const unsigned group = static_cast<unsigned>(byte(b) << 8 | byte(b - 1));
      zero = zero && group == 0;
      out += fmt::format("{}{:x}", out.empty() ? "" : ":", group);
    }
  }
  if (zero) return "::";
  if (out == "0:0:0:0:0:0:0:1") return "::1";
  return out;
}

std::vector<Listener> listeners(const std::string& table, int port) {
  std::vector<Listener> found;
  std::istringstream lines(table);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state, queues, timer, retransmits;
    Listener l;
    std::uint64_t timeout = 0;
    if (!(fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> l.uid >>
          timeout >> l.inode)) {
      continue;
    }
    const std::size_t colon = local.find(':');
    if (state != kListen || colon == std::string::npos) continue;
    try {
      if (std::stoi(local.substr(colon + 1), nullptr, 16) != port) continue;
      l.address = address_text(local.substr(0, colon));
    } catch (const std::exception&) {
      continue;
    }
    found.push_back(l);
  }
  return found;
}

}  // namespace

HostCheck check_port(int port, const HostQuestion& question, const ProcTree& proc) {
  HostCheck check{"port", CheckStatus::ok, "", {{"port", std::to_string(port)}}, Bearing::none, ""};
  const auto tcp = read_small_file(proc.dir() + "/net/tcp");
  const auto tcp6 = read_small_file(proc.dir() + "/net/tcp6");
  if (!tcp && !tcp6) {
    check.status = CheckStatus::skipped;
    check.summary = fmt::format("{}/net/tcp is not readable, so who holds port {} is unknown",
                                proc.dir(), port);
    return check;
  }
  std::vector<Listener> found = listeners(tcp.value_or(""), port);
  for (auto& l : listeners(tcp6.value_or(""), port)) found.push_back(l);
  const bool conflict = has_cause(question, "port_conflict");
  if (found.empty()) {
    check.status = conflict ? CheckStatus::ok : CheckStatus::problem;
    check.summary = fmt::format("nothing listens on port {} now", port);
    if (conflict) {
      check.summary += ": the conflict is over, so a restart of the gateway should bind it";
      check.bearing = Bearing::rules_out;
      check.cause = "port_conflict";
    } else if (has_cause(question, "gateway_not_running")) {
      check.bearing = Bearing::confirms;
      check.cause = "gateway_not_running";
    }
    return check;
  }
  const auto owners = proc.socket_owners();
  std::vector<std::string> holders;
  bool foreign = false, gateway = false;
  for (const auto& l : found) {
    check.facts.emplace_back("address", l.address);
    const auto owner = owners.find(l.inode);
    const auto info = owner == owners.end() ? std::nullopt : proc.process(owner->second);
    if (!info) {
      holders.push_back(
          fmt::format("uid {} (socket inode {}; its process is not visible to this "
                      "user: run as root to see it)",
                      l.uid, l.inode));
      continue;
    }
    const bool is_gateway = looks_like_gateway(*info);
    gateway = gateway || is_gateway;
    foreign = foreign || !is_gateway;
    holders.push_back(fmt::format("pid {} ({})", info->pid, info->comm));
    check.facts.emplace_back("holder_pid", std::to_string(info->pid));
    check.facts.emplace_back("holder_command", info->cmdline.empty() ? info->comm : info->cmdline);
    check.facts.emplace_back("holder_uid", std::to_string(l.uid));
  }
  std::string who;
  for (const auto& h : holders) who += (who.empty() ? "" : ", ") + h;
  check.summary = fmt::format("port {} is held now by {}", port, who);
  if (foreign) {
    check.status = CheckStatus::problem;
    check.summary += ", which is not a gateway";
    if (conflict) {
      check.bearing = Bearing::confirms;
      check.cause = "port_conflict";
    }
  } else if (gateway) {
    check.summary += ", a gateway";
    if (has_cause(question, "gateway_not_running")) {
      check.bearing = Bearing::rules_out;
      check.cause = "gateway_not_running";
    } else if (has_cause(question, "second_instance")) {
      check.bearing = Bearing::confirms;
      check.cause = "second_instance";
    }
  }
  return check;
}

}  // namespace logdx::host
