#include "analysis/linking.hpp"

#include <algorithm>
#include <tuple>

namespace logdx::analysis {
namespace {

template <typename T, typename Same>
bool intersect(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  return std::any_of(a.begin(), a.end(), [&](const T& x) {
    return std::any_of(b.begin(), b.end(), [&](const T& y) { return same(x, y); });
  });
}

bool other_hosts(const LinkProfile& a, const LinkProfile& b) {
  if (a.hosts.empty() || b.hosts.empty()) return false;  // one side does not say
  return !intersect(a.hosts, b.hosts, [](const auto& x, const auto& y) { return x == y; });
}

// An OOM kill ends its victim with SIGKILL, whoever the victim is (memory_pressure is the
// kill of a process that is not the gateway).
bool kills(std::string_view cause_id) {
  return cause_id.starts_with("oom_") || cause_id == kMemoryPressure;
}

enum class Timing : std::uint8_t { fits, unknown, apart };

Timing timing(const LinkProfile& cause, const LinkProfile& symptom) {
  if (!cause.span || !symptom.span || cause.span->clock != symptom.span->clock) {
    return Timing::unknown;
  }
  const std::int64_t window = std::chrono::nanoseconds(kLinkWindow).count();
  // A time written to the second is any moment of that second: the exit systemd logs at
  // 08:20:25 may follow the gateway's error at 08:20:25.036.
  const bool before_end = cause.span->first <= symptom.span->latest();
  // Measured from the cause's last line: a cause whose lines go on (a stopped gateway refused
  // again and again) is still close to the symptom, a single kill long before is not.
  const bool close = cause.span->last >= symptom.span->first - window;
  return before_end && close ? Timing::fits : Timing::apart;
}

// Whether the cause's pid is the symptom's process: the kill of pid N, and the unit whose main
// process N the input ties to it (`Main PID: N` in systemctl status, journal lines of the unit
// that carry the pid), or both naming pid N.
bool same_process(const LinkProfile& cause, const LinkProfile& symptom) {
  const auto equal = [](const auto& x, const auto& y) { return x == y; };
  const auto same_name = [](const std::string& x, const std::string& y) {
    return same_subject_name(x, y);
  };
  return intersect(cause.pids, symptom.pids, equal) ||
         intersect(cause.pid_names, symptom.names, same_name);
}

// A symptom with no subject and no time printed on the line right after the cause's last
// record, in the same input: a shell's `Aborted (core dumped)` under V8's heap report. Nothing
// else in the paste says whose end it was, and a shell prints it straight after the command's
// own last words.
bool printed_right_after(const LinkProfile& cause, const LinkProfile& symptom) {
  if (symptom.span || symptom.has_subject() || symptom.moments.empty() || cause.next_line == 0) {
    return false;
  }
  const auto first = std::min_element(
      symptom.moments.begin(), symptom.moments.end(), [](const auto& a, const auto& b) {
        return std::tie(a.input, a.line) < std::tie(b.input, b.line);
      });
  return first->input == cause.last_input && first->line == cause.next_line;
}

}  // namespace

bool share_subject(const LinkProfile& a, const LinkProfile& b) {
  if (a.gateway && b.gateway) return true;
  const auto equal = [](const auto& x, const auto& y) { return x == y; };
  const auto same_name = [](const std::string& x, const std::string& y) {
    return same_subject_name(x, y);
  };
  // A process is often named as its unit or app (`openclaw-gateway`), so a process name may
  // meet a unit name; it never proves two subjects differ (`node` runs many units).
  return intersect(a.names, b.names, same_name) || intersect(a.pids, b.pids, equal) ||
         intersect(a.ports, b.ports, equal) || intersect(a.processes, b.processes, same_name) ||
         intersect(a.processes, b.names, same_name) || intersect(a.names, b.processes, same_name);
}

bool comparable_subjects(const LinkProfile& a, const LinkProfile& b) {
  return (!a.names.empty() && !b.names.empty()) || (!a.pids.empty() && !b.pids.empty()) ||
         (!a.ports.empty() && !b.ports.empty()) || (a.gateway && b.gateway);
}

Link link_between(std::string_view cause_id, const LinkProfile& cause, const LinkProfile& symptom) {
  if (other_hosts(cause, symptom)) return Link::unrelated;
  if (kills(cause_id) && symptom.exits.known() && !symptom.exits.killed) return Link::unrelated;
  const bool shared = share_subject(cause, symptom);
  // Different names (or pids, or ports) on both sides: two subjects. Names of different kinds
  // (a pid against a unit) cannot be compared: the subject is unknown, not different.
  if (!shared && comparable_subjects(cause, symptom)) return Link::unrelated;
  const Timing when = timing(cause, symptom);
  if (when == Timing::apart) return Link::unrelated;
  if (shared && when == Timing::fits) return Link::linked;
  // Raw dmesg's seconds since boot and the journal's wall clock cannot be compared, but a pid
  // can: the kernel killed pid N, and the process the input ties to the symptom's unit as N
  // ended by SIGKILL. That is one event seen twice, whatever the clocks say.
  if (when == Timing::unknown && kills(cause_id) && symptom.exits.killed &&
      same_process(cause, symptom)) {
    return Link::linked;
  }
  if (when == Timing::unknown && printed_right_after(cause, symptom)) return Link::linked;
  return Link::related;
}

}  // namespace logdx::analysis
