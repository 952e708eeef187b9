// MemAvailable from /proc/meminfo against what the gateway needs (~256 MB, domain notes).
#include <fmt/format.h>

#include <sstream>

#include "checks.hpp"

namespace logdx::host {
namespace {

constexpr std::uint64_t kGatewayNeedsKb = 256 * 1024;

std::optional<std::uint64_t> field_kb(const std::string& meminfo, std::string_view name) {
  std::istringstream lines(meminfo);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(name, 0) != 0 || line.size() <= name.size() || line[name.size()] != ':') {
      continue;
    }
    std::istringstream value(line.substr(name.size() + 1));
    std::uint64_t kb = 0;
    if (value >> kb) return kb;
  }
  return std::nullopt;
}

bool memory_cause(const HostQuestion& question, std::string& which) {
  for (const char* cause : {"low_memory", "oom_kernel", "oom_systemd", "node_heap_oom"}) {
    if (has_cause(question, cause)) {
      which = cause;
      return true;
    }
  }
  return false;
}

}  // namespace

HostCheck check_memory(const HostQuestion& question, const ProcTree& proc) {
  HostCheck check{"memory", CheckStatus::ok, "", {}, Bearing::none, ""};
  const auto meminfo = read_small_file(proc.dir() + "/meminfo");
  const auto available = meminfo ? field_kb(*meminfo, "MemAvailable") : std::nullopt;
  if (!available) {
    check.status = CheckStatus::skipped;
    check.summary = fmt::format("no MemAvailable in {}/meminfo", proc.dir());
    return check;
  }
  const auto total = field_kb(*meminfo, "MemTotal");
  check.facts.emplace_back("mem_available_mb", std::to_string(*available / 1024));
  if (total) check.facts.emplace_back("mem_total_mb", std::to_string(*total / 1024));
  check.facts.emplace_back("gateway_needs_mb", std::to_string(kGatewayNeedsKb / 1024));
  const bool low = *available < kGatewayNeedsKb;
  check.status = low ? CheckStatus::problem : CheckStatus::ok;
  check.summary =
      fmt::format("{} MB available now{}; the gateway needs about {} MB", *available / 1024,
                  total ? fmt::format(" of {} MB", *total / 1024) : "", kGatewayNeedsKb / 1024);
  std::string cause;
  if (memory_cause(question, cause)) {
    check.cause = cause;
    check.bearing = low ? Bearing::confirms : Bearing::none;
    if (!low) check.summary += " (enough now: the shortage the logs show was at that time)";
  }
  return check;
}

}  // namespace logdx::host
