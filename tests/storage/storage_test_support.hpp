#pragma once
// Builders for storage tests: a temporary folder per test, diagnoses and runs that look like
// what `logdx analyze` records (a port conflict with a restart loop folded under it).

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "logdx/engine/diagnosis.hpp"
#include "logdx/storage/database.hpp"
#include "logdx/storage/run_record.hpp"

namespace logdx::storage::test {

class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "logdx-storage-XXXXXX");
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline Timestamp utc(std::int64_t seconds) {
  Timestamp t;
  t.kind = TimeKind::utc;
  t.precision = TimePrecision::seconds;
  t.nanos = seconds * 1000000000LL;
  return t;
}

inline Evidence evidence(std::uint64_t line, std::int64_t seconds, std::string text) {
  return Evidence{"gateway.log", line, utc(seconds), "", std::move(text), 0, std::string::npos, ""};
}

// 2026-11-24T10:00:03Z and later.
constexpr std::int64_t kT0 = 1795514403;

inline Diagnosis restart_loop(std::uint64_t count = 15) {
  Diagnosis d;
  d.cause = "restart_loop_pm2";
  d.rule = "pm2-unstable-restarts";
  d.severity = Severity::error;
  d.confidence = 0.8;
  d.title = "PM2 keeps restarting openclaw";
  d.count = count;
  d.first_seen = utc(kT0 + 5);
  d.last_seen = utc(kT0 + 60);
  d.evidence = {evidence(30, kT0 + 5, "PM2 | App [openclaw:0] exited with code [1] via signal [SIGINT]")};
  d.fingerprint = "bbbb000011112222";
  return d;
}

inline Diagnosis port_conflict(std::uint64_t count = 3) {
  Diagnosis d;
  d.rank = 1;
  d.cause = "port_conflict";
  d.rule = "gateway-port-in-use";
  d.severity = Severity::critical;
  d.confidence = 0.94;
  d.title = "Port 18789 is held by another process, so the gateway cannot start";
  d.facts = {{"port", "18789"}, {"holder_pid", "4242"}};
  d.count = count;
  d.first_seen = utc(kT0);
  d.last_seen = utc(kT0 + 128);
  d.evidence = {
      evidence(17, kT0, "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"),
      evidence(40, kT0 + 128, "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789")};
  RenderedFix fix;
  fix.text = "lsof -nP -iTCP:18789 -sTCP:LISTEN";
  fix.why = "see which process holds the port";
  d.fixes = {fix};
  d.fingerprint = "aaaa000011112222";
  d.explains = {restart_loop()};
  return d;
}

inline RunRecord run_at(std::string started_at) {
  RunRecord run;
  run.started_at = std::move(started_at);
  run.command_line = "logdx analyze gateway.log";
  run.host = "oc-gw-01";
  run.logdx_version = "0.1.0";
  run.rules_version = "xxh3:0123456789abcdef";
  run.duration_ms = 42;
  run.exit_code = 1;
  run.events = 812;
  run.matched = 18;
  run.inputs = {{"gateway.log", 65536, "xxh3:00000000deadbeef", "openclaw-console", 812, 790}};
  return run;
}

}  // namespace logdx::storage::test
