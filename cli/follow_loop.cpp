#include "follow_loop.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "analysis_json.hpp"
#include "logdx/engine/redactor.hpp"
#include "logdx/parsers/following_source.hpp"
#include "terminal_text.hpp"

namespace logdx::cli {
namespace {

constexpr timespec kTick{0, 250'000'000};  // how often new events are evaluated
// How often (in ticks) the followed folders are looked at again for new files: a new host's
// log in a central tree is picked up within a second, and a rescan stays rare.
constexpr std::uint64_t kTicksPerRescan = 4;

// Events handed from the reader threads to the evaluating (main) thread.
class EventQueue {
 public:
  void push(Event&& event, std::size_t input) {
    const std::lock_guard lock(mutex_);
    items_.emplace_back(std::move(event), input);
  }
  std::vector<std::pair<Event, std::size_t>> take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(items_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<std::pair<Event, std::size_t>> items_;
};

// What was last printed per fingerprint, to tell new and changed diagnoses from the rest.
class ChangeTracker {
 public:
  explicit ChangeTracker(const FollowOutput& output) : output_(output) {}

  void remember(const std::vector<Diagnosis>& diagnoses) {
    for (const Diagnosis& d : diagnoses) {
      seen_[d.fingerprint] = {d.count, d.severity};
      remember(d.explains);
    }
  }

  void report(const std::vector<Diagnosis>& diagnoses) {
    for (const Diagnosis& d : diagnoses) {
      const auto it = seen_.find(d.fingerprint);
      if (it == seen_.end()) {
        print("new", d);
      } else if (it->second.first != d.count || it->second.second != d.severity) {
        print("changed", d);
      }
      seen_[d.fingerprint] = {d.count, d.severity};
      report(d.explains);
    }
  }

 private:
  void print(std::string_view change, const Diagnosis& diagnosis) {
    Diagnosis shown = diagnosis;
    shown.explains.clear();  // each folded one gets its own line
    if (output_.redact) redactor_.redact(shown);
    const std::string line = output_.json ? follow_json_line(change, shown)
                                          : fmt::format("[{}] {} {}: {} ({} event{})\n", change,
                                                        to_string(shown.severity), shown.cause,
                                                        terminal_safe(shown.title), shown.count,
                                                        shown.count == 1 ? "" : "s");
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
  }

  const FollowOutput& output_;
  Redactor redactor_;
  std::map<std::string, std::pair<std::uint64_t, Severity>> seen_;
};

bool compressed(std::string_view path) {
  for (const char* ext : {".gz", ".zst", ".xz", ".bz2"}) {
    if (path.ends_with(ext)) return true;  // compressed files are rotated, not appended to
  }
  return false;
}

// A decoded file (UTF-16) is read once too: where reading stopped is an offset in its UTF-8
// text, not in the file, and following reads the file's bytes as they are.
bool followable(const InputSummary& summary, const ResolvedInput& input) {
  return !summary.failed && !summary.skipped && !summary.transcoded && !compressed(input.path);
}

// A rotated copy (x.log.1, x.log-20261206) appears when its live file rotates: its lines were
// read already at the live path, so a new file of that name is not a new input.
bool rotated_name(std::string_view path) {
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const auto digits = [](std::string_view t) {
    return !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && digits(name.substr(dot + 1))) return true;
  const std::size_t dash = name.rfind('-');
  return dash != std::string_view::npos && name.size() - dash == 9 && digits(name.substr(dash + 1));
}

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

// Every input follow mode reads: files (after the first pass, from where it stopped) and the
// live inputs the first pass left out (stdin, the journal), read here from their start.
struct Followed {
  ResolvedInput input;
  std::size_t index = 0;           // the analyzer's input index
  std::uint64_t start_offset = 0;  // files: bytes the first pass read
  std::uint64_t base_line = 0;     // files: lines the first pass read
};

std::deque<Followed> followed_inputs(const InputOptions& inputs,
                                     std::vector<InputSummary>& summaries,
                                     std::set<std::string>& known_paths) {
  ResolvedInputs resolved;
  if (!inputs.reads_journal() || !inputs.paths.empty()) resolved = resolve_inputs(inputs.paths);
  for (const ResolvedInput& input : resolved.inputs) known_paths.insert(input.path);
  if (inputs.reads_journal()) resolved.inputs.push_back(journal_input(inputs));
  std::deque<Followed> out;
  std::size_t file = 0;  // the first pass's summaries are the non-live inputs, in order
  for (ResolvedInput& input : resolved.inputs) {
    if (input.is_stdin || input.journal) {
      InputSummary live;
      live.input = input.display_name;
      live.parser = input.parser;
      out.push_back({input, summaries.size(), 0, 0});
      summaries.push_back(std::move(live));
      continue;
    }
    const std::size_t i = file++;
    if (i >= summaries.size() || summaries[i].input != input.display_name ||
        !followable(summaries[i], input)) {
      continue;
    }
    input.parser = summaries[i].parser;  // detected once; appended lines are the same format
    out.push_back({input, i, summaries[i].bytes, summaries[i].lines});
  }
  return out;
}

std::unique_ptr<ByteSource> open_followed(const Followed& f, const std::atomic<bool>& stop) {
  const FollowOptions options{f.start_offset};
  if (f.input.is_stdin) return open_following_stdin(f.input.display_name, options, stop);
  if (f.input.journal) return open_following_journal(f.input, options, stop);
  return open_following_source(f.input.path, f.input.display_name, options, stop);
}

// Files that appeared under the followed folders since the last look (a new host's folder in a
// central rsyslog tree, a new remote-*.journal is read with --journal-dir instead): each is a
// new input, read from its start. Stdin and the journal are never re-resolved.
std::vector<Followed> new_files(const InputOptions& inputs, std::set<std::string>& known_paths,
                                std::vector<InputSummary>& summaries) {
  std::vector<Followed> out;
  if (inputs.paths.empty()) return out;
  for (ResolvedInput& input : resolve_inputs(inputs.paths).inputs) {
    if (input.is_stdin || input.journal || !known_paths.insert(input.path).second) continue;
    if (compressed(input.path) || rotated_name(input.path)) continue;
    InputSummary summary;
    summary.input = input.display_name;
    out.push_back({std::move(input), summaries.size(), 0, 0});
    summaries.push_back(std::move(summary));
  }
  return out;
}

}  // namespace

std::vector<InputSummary> follow_inputs(const InputOptions& inputs, const ParserRegistry& registry,
                                        const std::vector<InputSummary>& first_pass,
                                        Analyzer& analyzer, const FollowOutput& output,
                                        const FollowKept& kept) {
  std::vector<InputSummary> summaries = first_pass;
  std::set<std::string> known_paths;
  // Deques: a reader thread keeps a reference to its entries while new inputs are added.
  std::deque<Followed> followed = followed_inputs(inputs, summaries, known_paths);
  // Signals are taken by sigtimedwait in this thread only: block them before the readers
  // start (threads inherit the mask), so no handler and no global flag are needed.
  const sigset_t signals = stop_signals();
  // A shell starts background jobs with SIGINT ignored, and an ignored signal is discarded
  // before sigtimedwait could take it: restore the default (blocked below, so it never kills).
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &signals, &previous);

  std::atomic<bool> stop{false};
  EventQueue queue;
  std::vector<std::thread> readers;
  std::deque<InputSummary> read(followed.size());
  ReaderOptions options = inputs.reader_options();
  options.detect_lines = 1;  // a live input is detected from its first line, not 200 of them
  const EventReader reader(registry, options);
  // Files are followed until a signal; a live input may end by itself (a closed pipe), and
  // when every reader has ended there is nothing left to wait for.
  std::atomic<std::size_t> running{followed.size()};
  // The entries are looked up here, in this thread: a reader never indexes a deque that this
  // thread may be growing.
  const auto start_reader = [&](std::size_t k) {
    const Followed& f = followed[k];
    InputSummary& result = read[k];
    readers.emplace_back([&, &f = f, &result = result] {
      std::vector<ReaderDiagnostic> ignored;
      result = reader.read(
          f.input, open_followed(f, stop),
          [&](Event&& e) {
            e.where.line += f.base_line;
            queue.push(std::move(e), f.index);
          },
          ignored);
      --running;
    });
  };
  for (std::size_t k = 0; k < followed.size(); ++k) start_reader(k);
  ChangeTracker changes(output);
  changes.remember(analyzer.finish().diagnoses);
  const std::string_view note = "logdx: following {} input{}; Ctrl-C ends with a summary\n";
  fmt::print(stderr, fmt::runtime(note), readers.size(), readers.size() == 1 ? "" : "s");

  bool stopping = false;
  for (std::uint64_t tick = 1; !stopping; ++tick) {
    if (tick % kTicksPerRescan == 0) {
      for (Followed& added : new_files(inputs, known_paths, summaries)) {
        fmt::print(stderr, "logdx: following new input {}\n",
                   terminal_safe(added.input.display_name));
        followed.push_back(std::move(added));
        read.emplace_back();
        ++running;
        start_reader(followed.size() - 1);
      }
    }
    siginfo_t info;
    stopping = sigtimedwait(&signals, &info, &kTick) > 0 || running.load() == 0;
    if (stopping) {
      stop = true;
      for (auto& t : readers) t.join();
    }
    auto arrived = queue.take();
    if (arrived.empty()) continue;
    for (auto& [event, index] : arrived) {
      if (analyzer.add(event, index) && kept) kept(event);
    }
    changes.report(analyzer.finish().diagnoses);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  for (std::size_t k = 0; k < followed.size(); ++k) {
    InputSummary& s = summaries[followed[k].index];
    s.lines += read[k].lines;
    s.events += read[k].events;
    s.bytes += read[k].bytes;
    if (s.parser.empty()) s.parser = read[k].parser;
  }
  return summaries;
}

}  // namespace logdx::cli
