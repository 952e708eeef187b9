#include "analysis/oom_victim_name.hpp"

#include <fmt/format.h>

#include <string_view>

namespace logdx::analysis {
namespace {

std::string fact(const Diagnosis& d, std::string_view name) {
  for (const auto& [key, value] : d.facts) {
    if (key == name) return value;
  }
  return {};
}

}  // namespace

std::string oom_victim_name(const Diagnosis& kill) {
  std::string name = fact(kill, "killed_process");
  if (name.empty()) name = fact(kill, "unit");
  if (name.empty()) name = "a process";
  const std::string pid = fact(kill, "killed_pid");
  return pid.empty() ? name : fmt::format("{} (pid {})", name, pid);
}

}  // namespace logdx::analysis
