#pragma once
// What a finding is about, where and when: the facts folding compares before it lets a cause
// explain a symptom (docs/ranking.md, "Links"). Built from the finding's own lines and
// captures, never from its rule's type alone.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/draft.hpp"
#include "analysis/exit_signs.hpp"
#include "analysis/matched_event.hpp"
#include "analysis/script_names.hpp"
#include "logdx/engine/compiled_rule.hpp"

namespace logdx::analysis {

// When a finding happened, on one clock (times on two clocks cannot be compared).
struct TimeSpan {
  Clock clock;
  std::int64_t first = 0;  // nanoseconds
  std::int64_t last = 0;
  // As the last line wrote its time: 08:20:25 stands for any moment up to 08:20:25.999.
  TimePrecision last_precision = TimePrecision::nanos;

  // The latest moment the span may reach, given how its last time was written.
  std::int64_t latest() const { return last + precision_span(last_precision) - 1; }
};

// Where and when one of a finding's lines was written: one failure is printed as several lines
// at once (systemd's `Main process exited` and `Failed with result`), which subsumption
// (same_event.hpp) counts as one occurrence.
struct LineMoment {
  std::uint32_t event = 0;  // index into the kept events, as in LinkProfile::events
  Clock clock;
  std::optional<std::int64_t> nanos;  // none on an untimed line
  std::uint32_t input = 0;
  std::uint64_t line = 0;
  std::string host;  // host_key, empty when the line names none
};

struct LinkProfile {
  std::vector<std::string> hosts;  // short host names, lower case
  // Its subjects: unit/app/container names (lower case, ".service" dropped), process names
  // (the kernel's `comm`, a syslog tag), pids, ports. `gateway` is set when a subject looks
  // like the gateway (causes.md): then two findings about "the gateway" share a subject even
  // when each names it differently.
  std::vector<std::string> names;
  // The names its pids brought along (PidNames): the unit whose main process had that pid.
  // A link through them is a link through the pid, which needs no common clock (linking.hpp).
  std::vector<std::string> pid_names;
  std::vector<std::string> processes;
  std::vector<std::int64_t> pids;
  std::vector<std::string> ports;
  bool gateway = false;
  std::optional<TimeSpan> span;
  ExitSigns exits;
  // Its own lines (indexes into the kept events, sorted, distinct): two findings of one cause
  // on the same lines are one finding (same_event.hpp).
  std::vector<std::uint32_t> events;
  std::vector<LineMoment> moments;  // one per line of `events`
  // Where its input goes on after its last line: that input and the line after the last
  // record's last physical line (0: unknown). A shell prints how a command ended
  // (`Aborted (core dumped)`) right after the command's last words, with no name or time of
  // its own; that adjacency is its only tie to them (linking.cpp).
  std::uint32_t last_input = 0;
  std::uint64_t next_line = 0;
  // The port holder it names (holder_pid, holder_command), for merging port findings.
  std::vector<std::pair<std::string, std::string>> holder;

  bool has_subject() const {
    return !names.empty() || !processes.empty() || !pids.empty() || !ports.empty() || gateway;
  }
};

// Which unit/app names each pid was seen with on one line (journal export and JSON logs give
// both; `systemctl status` gives the unit's `Main PID: N`): a kernel OOM names a pid, a loop
// or a unit failure names a unit, and this is how the two meet.
class PidNames {
 public:
  explicit PidNames(const KeptEvents& events);
  const std::vector<std::string>* names_of(std::int64_t pid) const;
  // How the lines that tie the pid say it ended (`Main PID: N (code=exited, status=1/FAILURE)`):
  // nothing known when they do not say.
  ExitSigns exit_signs_of(std::int64_t pid) const;
  // The hosts (host_key) of the lines that tie the pid (empty when they name none), or null.
  const std::vector<std::string>* hosts_of(std::int64_t pid) const;

 private:
  struct Tie {
    std::vector<std::string> names;
    ExitSigns exits;
    std::vector<std::string> hosts;
  };
  std::unordered_map<std::int64_t, Tie> ties_;
};

// What the input says of names beyond each line's own: the unit/app of a pid, the app of a
// script path.
struct SubjectNames {
  const PidNames& pids;
  const ScriptNames& scripts;
};

// The profile of one draft of `rule`: its own lines (and its join partner's subjects), exit
// signs from its own lines and from the lines of the same unit/app inside its span.
LinkProfile link_profile(const Draft& draft, const CompiledRule& rule, const KeptEvents& events,
                         const KeptHits& hits, const SubjectNames& known);

// Unit, app or container names as one subject: lower case, a trailing ".service" dropped, a
// cgroup path reduced to its last part, a Docker scope or long id cut to its 12-digit short id.
std::string normalise_subject_name(std::string_view name);

// Whether two normalised names are one subject. The kernel cuts a process name to 15 bytes
// (TASK_COMM_LEN 16 with its NUL), so "openclaw-gatewa" is "openclaw-gateway".
bool same_subject_name(std::string_view a, std::string_view b);

}  // namespace logdx::analysis
