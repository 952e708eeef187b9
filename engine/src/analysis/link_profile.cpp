// Subjects come from the members the parsers fill (unit, app, pid, host) and from the captures
// rules name by convention (docs/rules.md: unit, app, container, pid, port, killed_pid, ...).
#include "analysis/link_profile.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <string_view>
#include <system_error>

#include "analysis/fingerprint.hpp"
#include "analysis/host_tally.hpp"

namespace logdx::analysis {
namespace {

constexpr std::array<std::string_view, 6> kNameCaptures = {"unit",         "app",     "container",
                                                           "container_id", "service", "cgroup"};
constexpr std::array<std::string_view, 2> kProcessCaptures = {"killed_process", "process"};
constexpr std::array<std::string_view, 3> kPidCaptures = {"pid", "killed_pid", "main_pid"};
// A script path is a subject only through the app a line ties it to (script_names.hpp).
constexpr std::string_view kScriptCapture = "script";
constexpr std::array<std::string_view, 3> kPortCaptures = {"port", "gateway_port", "upstream_port"};
constexpr std::array<std::string_view, 3> kHolderCaptures = {"holder_pid", "holder_command",
                                                             "holder"};
// Words and ports that make a subject "the gateway" (causes.md, "Whose failure counts").
constexpr std::array<std::string_view, 4> kGatewayWords = {"openclaw", "clawdbot", "moltbot",
                                                           "gateway"};
constexpr std::array<std::string_view, 3> kGatewayPorts = {"18789", "19001", "3001"};
// Processes that report on others: their own pid is never the subject of what they say.
constexpr std::array<std::string_view, 9> kManagers = {
    "systemd", "init", "kernel", "dockerd", "containerd", "launchd", "supervisord", "pm2", "god"};
// Interpreters and shells run many services: their name says nothing about which one.
constexpr std::array<std::string_view, 11> kGenericProcesses = {
    "node", "nodejs", "python", "python3", "java", "bun", "deno", "sh", "bash", "npm", "npx"};
// The kernel keeps TASK_COMM_LEN - 1 bytes of a process name.
constexpr std::size_t kCommLength = 15;
constexpr std::size_t kDockerShortId = 12;
// How far before a loop's first counted line its exits are still read: the exit that caused
// the first restart comes RestartSec (systemd: 100 ms default, units often set 5-30 s) or
// pm2's restart delay earlier.
constexpr std::chrono::minutes kExitLookback{1};

template <typename List>
bool has(const List& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename T>
void add_unique(std::vector<T>& into, T value) {
  if (std::find(into.begin(), into.end(), value) == into.end()) into.push_back(std::move(value));
}

bool all_hex(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::optional<std::int64_t> parse_pid(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

// A `systemctl status` header of a unit whose main process is gone: systemd's report about the
// unit, whose pid is the unit's main process (`Main PID: 4242 (code=killed, signal=KILL)`), not
// a manager's own. Such a header names no process; a running unit's `Main PID: 4242 (node)`
// does, and then ties nothing (docs/known-limits.md). systemd's own journal lines name
// `systemd`.
bool unit_main_pid_event(const MatchedEvent& event) {
  return event.source == SourceKind::systemd && event.process().empty() && !event.unit().empty();
}

bool manager_event(const MatchedEvent& event) {
  if (event.source == SourceKind::systemd || event.source == SourceKind::kernel ||
      event.source == SourceKind::docker || event.source == SourceKind::pm2) {
    return true;
  }
  return has(kManagers, normalise_key_value(event.process()));
}

class ProfileBuilder {
 public:
  explicit ProfileBuilder(const SubjectNames& known) : known_(known) {}

  void add_name(std::string_view raw, std::vector<std::string>& into) {
    std::string name = normalise_subject_name(raw);
    if (name.empty()) return;
    for (std::string_view word : kGatewayWords) {
      if (name.find(word) != std::string::npos) out.gateway = true;
    }
    add_unique(into, std::move(name));
  }
  void add_name(std::string_view raw) { add_name(raw, out.names); }
  void add_process(std::string_view raw) {
    if (!has(kGenericProcesses, normalise_key_value(raw))) add_name(raw, out.processes);
  }

  void add_pid(std::int64_t pid) {
    add_unique(out.pids, pid);
    if (const auto* names = known_.pids.names_of(pid)) {
      for (const std::string& name : *names) {
        add_name(name);
        add_name(name, out.pid_names);
      }
    }
  }

  void add_port(std::string_view port) {
    if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) return;
    if (has(kGatewayPorts, port)) out.gateway = true;
    add_unique(out.ports, std::string(port));
  }

  void add_event(const MatchedEvent& event) {
    if (!event.host().empty()) add_unique(out.hosts, host_key(event.host()));
    add_name(event.unit());
    add_name(event.app());
    if (!manager_event(event)) {
      if (event.pid && *event.pid > 0) add_pid(*event.pid);
      add_process(event.process());
    }
    // The gateway's own log is about the gateway, even where a line names nothing.
    if (event.source == SourceKind::gateway) out.gateway = true;
  }

  void add_captures(const Captures& captures, bool own) {
    // A plain pair, not a structured binding: clang 14 (the sanitizer build) cannot capture
    // a binding in the lambda below.
    for (const auto& capture : captures) {
      const std::string& name = capture.first;
      const std::string& value = capture.second;
      if (value.empty()) continue;
      if (has(kNameCaptures, name)) add_name(value);
      if (has(kProcessCaptures, name)) add_process(value);
      if (has(kPortCaptures, name)) add_port(value);
      if (name == kScriptCapture) {
        if (const std::string* app = known_.scripts.app_of(value)) add_name(*app);
      }
      if (own && has(kPidCaptures, name)) {
        if (const auto pid = parse_pid(value)) add_pid(*pid);
      }
      if (has(kHolderCaptures, name) &&
          std::none_of(out.holder.begin(), out.holder.end(),
                       [&](const auto& kv) { return kv.first == name; })) {
        out.holder.emplace_back(name, value);
      }
    }
  }

  LinkProfile out;

 private:
  const SubjectNames& known_;
};

std::optional<TimeSpan> span_of(const std::vector<std::uint32_t>& hit_indexes,
                                const KeptEvents& events, const KeptHits& hits) {
  std::optional<TimeSpan> span;
  for (std::uint32_t h : hit_indexes) {
    const MatchedEvent& event = events[hits[h].event];
    // An untimed line has only its line order: no window can be measured from it.
    if (!event.effective.has_value() || event.clock.kind == Clock::Kind::untimed) continue;
    const std::int64_t at = event.effective.nanos;
    if (!span) {
      span = TimeSpan{event.clock, at, at, event.effective.precision};
    } else if (event.clock == span->clock) {
      span->first = std::min(span->first, at);
      if (at > span->last) {
        span->last = at;
        span->last_precision = event.effective.precision;
      }
    }
  }
  return span;
}

// What one kept line said of an exit (read when it was kept), added to what others said.
void add_exits(const ExitSigns& line, ExitSigns& signs) {
  signs.killed = signs.killed || line.killed;
  signs.other = signs.other || line.other;
}

// Exit lines of the same unit/app inside the span: a loop rule that counts "Scheduled restart
// job" lines does not itself say how each run ended, the "Main process exited" lines do.
void read_exits_nearby(const LinkProfile& profile, const KeptEvents& events, ExitSigns& signs) {
  if (!profile.span || profile.names.empty()) return;
  const std::int64_t from = profile.span->first - std::chrono::nanoseconds(kExitLookback).count();
  for (const MatchedEvent& event : events) {
    if (event.clock != profile.span->clock || !event.effective.has_value()) continue;
    if (event.effective.nanos < from || event.effective.nanos > profile.span->last) continue;
    const std::string unit = normalise_subject_name(event.unit());
    const std::string app = normalise_subject_name(event.app());
    if ((!unit.empty() && has(profile.names, unit)) || (!app.empty() && has(profile.names, app))) {
      add_exits(event.exits, signs);
    }
  }
}

LineMoment moment_of(std::uint32_t index, const MatchedEvent& event) {
  LineMoment moment{index,        event.clock,
                    std::nullopt, event.input_index,
                    event.line,   event.host().empty() ? std::string() : host_key(event.host())};
  if (event.effective.has_value() && event.clock.kind != Clock::Kind::untimed) {
    moment.nanos = event.effective.nanos;
  }
  return moment;
}

// The line after the finding's last record: one raw() read per finding, not per line.
void mark_next_line(LinkProfile& out, const KeptEvents& events) {
  const LineMoment* last = nullptr;
  for (const LineMoment& moment : out.moments) {
    if (!last || std::tie(moment.input, moment.line) > std::tie(last->input, last->line)) {
      last = &moment;
    }
  }
  if (!last || last->line == 0) return;
  const std::string raw = events[last->event].raw();
  out.last_input = last->input;
  out.next_line =
      last->line + 1 + static_cast<std::uint64_t>(std::count(raw.begin(), raw.end(), '\n'));
}

}  // namespace

PidNames::PidNames(const KeptEvents& events) {
  for (const MatchedEvent& event : events) {
    if (!event.pid || (manager_event(event) && !unit_main_pid_event(event))) continue;
    if (event.unit().empty() && event.app().empty()) continue;
    Tie& tie = ties_[*event.pid];
    for (const std::string* name : {&event.unit(), &event.app()}) {
      if (!name->empty()) add_unique(tie.names, *name);
    }
    add_exits(event.exits, tie.exits);
    if (!event.host().empty()) add_unique(tie.hosts, host_key(event.host()));
  }
}

const std::vector<std::string>* PidNames::names_of(std::int64_t pid) const {
  const auto it = ties_.find(pid);
  return it == ties_.end() ? nullptr : &it->second.names;
}

ExitSigns PidNames::exit_signs_of(std::int64_t pid) const {
  const auto it = ties_.find(pid);
  return it == ties_.end() ? ExitSigns{} : it->second.exits;
}

const std::vector<std::string>* PidNames::hosts_of(std::int64_t pid) const {
  const auto it = ties_.find(pid);
  return it == ties_.end() ? nullptr : &it->second.hosts;
}

std::string normalise_subject_name(std::string_view name) {
  std::string out = normalise_key_value(name);
  const std::size_t slash = out.rfind('/');
  if (slash != std::string::npos) out = out.substr(slash + 1);  // a cgroup path
  for (std::string_view suffix : {".service", ".scope"}) {
    if (out.size() > suffix.size() && out.ends_with(suffix)) out.resize(out.size() - suffix.size());
  }
  if (out.starts_with("docker-")) out = out.substr(7);  // systemd's scope of a container
  if (out.size() > kDockerShortId && all_hex(out)) out.resize(kDockerShortId);
  return out;
}

bool same_subject_name(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::string_view shorter = a.size() < b.size() ? a : b;
  const std::string_view longer = a.size() < b.size() ? b : a;
  return shorter.size() == kCommLength && longer.starts_with(shorter);
}

LinkProfile link_profile(const Draft& draft, const CompiledRule& rule, const KeptEvents& events,
                         const KeptHits& hits, const SubjectNames& known) {
  ProfileBuilder builder(known);
  for (std::uint32_t h : draft.hits) {
    builder.add_event(events[hits[h].event]);
    builder.add_captures(hits[h].captures.unpack(), true);
    add_exits(events[hits[h].event].exits, builder.out.exits);
  }
  // The join partner speaks of the same thing (that is what the join checked): its names and
  // ports count, but its pids are its own process's.
  builder.add_captures(draft.partner_captures, false);
  // An app the draft names by where its lines are (ScriptNames::table_app_of), not by a capture.
  if (const std::string* app = find_capture(draft.captures, "app")) builder.add_name(*app);
  LinkProfile out = std::move(builder.out);
  // Sized exactly: every finding's profile lives until the report is built, and a loop's holds
  // up to --max-hits-per-rule lines; growing by doubling left up to half of each unused (22 MB
  // of moments at the peak of a 300 MB log with 10 % failing lines, heaptrack).
  out.events.reserve(draft.hits.size());
  for (std::uint32_t h : draft.hits) out.events.push_back(hits[h].event);
  std::sort(out.events.begin(), out.events.end());
  out.events.erase(std::unique(out.events.begin(), out.events.end()), out.events.end());
  out.events.shrink_to_fit();
  out.moments.reserve(out.events.size());
  for (std::uint32_t e : out.events) out.moments.push_back(moment_of(e, events[e]));
  mark_next_line(out, events);
  out.span = span_of(draft.hits, events, hits);
  if (out.span && rule.correlate && rule.correlate->kind == Correlate::Kind::absent) {
    // An `absent` finding is the silence after its start: it lasts its whole window.
    out.span->last +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(rule.correlate->within).count();
  }
  read_exits_nearby(out, events, out.exits);
  return out;
}

}  // namespace logdx::analysis
