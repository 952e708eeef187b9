// The exit templates, from the tools that print them:
// - systemd (src/core/service.c, service_sigchld_event): "Main process exited, code=%s,
//   status=%i/%s", code one of exited/killed/dumped; "Failed with result 'signal'". systemctl
//   status (src/systemctl/systemctl-show.c) writes a dead process as "Main PID: %u (code=%s,
//   status=%i/%s)" when it exited, "(code=%s, signal=%s)" when a signal ended it.
// - pm2 (lib/God/ActionMethods / God.js): "App [%s:%s] exited with code [%s] via signal [%s]".
// - Docker: events `exitCode=137`, `docker ps` "Exited (137)", inspect `"ExitCode": 137`;
//   compose "exited with code 137".
// - Node wrappers (forever, nodemon, shells): "exited with code 1", "exit code 1",
//   "exit status 1", "Killed" / "signal: killed" (Go's os/exec), "terminated by signal SIGKILL".
#include "analysis/exit_signs.hpp"

#include <re2/re2.h>

#include <charconv>
#include <string>
#include <system_error>

namespace logdx::analysis {
namespace {

// 128 + signal number is how a shell, Docker and Node wrappers report a death by signal.
constexpr int kExitBySigkill = 128 + 9;

// A code as written; digits beyond what an exit code can hold still mean "not clean".
void add_code(std::string_view text, ExitSigns& signs) {
  long long code = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (error == std::errc() && end == text.data() + text.size() && code == 0)
    return;  // a clean exit says nothing about a fault
  if (code == kExitBySigkill) {
    signs.killed = true;
  } else {
    signs.other = true;
  }
}

void add_signal(std::string_view signal, ExitSigns& signs) {
  if (signal == "SIGKILL" || signal == "KILL" || signal == "9") {
    signs.killed = true;
  } else if (signal != "SIGINT" && signal != "SIGTERM" && signal != "INT" && signal != "TERM") {
    signs.other = true;  // SIGABRT, SIGSEGV, ...: a crash, not a kill
  }
}

}  // namespace

struct ExitReader::Patterns {
  RE2 systemd{R"(code=(exited|killed|dumped), (?:status=(\d+)(?:/([A-Z]+))?|signal=([A-Z0-9]+)))"};
  RE2 pm2{R"(exited with code \[(-?\d+|null)\] via signal \[(SIG[A-Z0-9]+)\])"};
  RE2 code{
      R"((?i)(?:exitCode=|"ExitCode":\s*|\bExited \(|exited with code:? |exit code:? |exit status ))"
      R"((-?\d+))"};
  RE2 sigkill{R"((?i)(?:\bsignal: killed\b|terminated by signal SIGKILL|\bkilled by signal 9\b))"};
};

ExitReader::ExitReader() : patterns_(std::make_unique<Patterns>()) {}
ExitReader::~ExitReader() = default;

void ExitReader::read(std::string_view text, ExitSigns& signs) const {
  const re2::StringPiece input(text.data(), text.size());
  std::string kind, status, name, code, signal;
  if (RE2::PartialMatch(input, patterns_->systemd, &kind, &status, &name, &signal)) {
    if (!signal.empty()) {
      add_signal(signal, signs);  // systemctl status: "(code=killed, signal=KILL)"
    } else if (kind == "exited") {
      add_code(status, signs);
    } else {
      add_signal(name.empty() ? status : name, signs);  // killed/dumped: status is the signal
    }
    return;
  }
  if (RE2::PartialMatch(input, patterns_->pm2, &code, &signal)) {
    if (signal == "SIGKILL" || code == "137") {
      signs.killed = true;
    } else if (signal == "SIGINT" || signal == "SIGTERM") {
      // pm2 writes SIGINT/SIGTERM when the app ended by itself: its code is what counts.
      if (code != "null") add_code(code, signs);
    } else {
      add_signal(signal, signs);
    }
    return;
  }
  if (RE2::PartialMatch(input, patterns_->code, &code)) {
    add_code(code, signs);
    return;
  }
  if (RE2::PartialMatch(input, patterns_->sigkill)) signs.killed = true;
}

}  // namespace logdx::analysis
