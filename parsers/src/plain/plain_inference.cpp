#include "plain/plain_inference.hpp"

#include <cctype>
#include <charconv>

#include "core/ascii.hpp"
#include "grammar/time.hpp"
#include "journal/systemd_message.hpp"
#include "kernel/fault_report.hpp"
#include "logdx/parsers/source_classifier.hpp"
#include "pm2/pm2_common.hpp"

namespace logdx {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return has_prefix(s, p); }
bool contains(std::string_view s, std::string_view p) { return holds_text(s, p); }

// "20:50:48", "20:50:48.967": a time of day. Its length, or 0.
std::size_t time_of_day(std::string_view s) {
  std::size_t n = 0;
  while (n < 2 && n < s.size() && is_ascii_digit(s[n])) ++n;
  if (n == 0 || s.size() < n + 6 || s[n] != ':' || !is_ascii_digit(s[n + 1]) ||
      !is_ascii_digit(s[n + 2]) || s[n + 3] != ':' || !is_ascii_digit(s[n + 4]) ||
      !is_ascii_digit(s[n + 5])) {
    return 0;
  }
  n += 6;
  if (n + 1 < s.size() && (s[n] == '.' || s[n] == ',') && is_ascii_digit(s[n + 1])) {
    ++n;
    while (n < s.size() && is_ascii_digit(s[n])) ++n;
  }
  return n;
}

// After a stamp: " ", "  ", ": " (old pm2.log), "] " when it was bracketed. The length of the
// separator, or 0 when the stamp is not followed by one (then it was not a prefix).
std::size_t separator(std::string_view rest, bool bracketed) {
  std::size_t n = 0;
  if (bracketed) {
    if (rest.empty() || rest[0] != ']') return 0;
    n = 1;
  } else if (!rest.empty() && rest[0] == ':') {
    n = 1;
  }
  const std::size_t spaces = n;
  while (n < rest.size() && rest[n] == ' ') ++n;
  if (n == spaces && n < rest.size()) return 0;  // "12:00:00abc" is not a stamp
  return n;
}

// "kernel: ", "systemd[1]: ", "nginx: ": the tag of an RFC 3164 syslog MSG, whose header
// (time, host) the paste left out. Only names of the sources logdx knows go without a pid,
// so "Error: x" is never read as a tag.
bool is_known_tagless(std::string_view name) {
  return name == "kernel" || name == "systemd" || name == "PM2" || name == "nginx" ||
         name == "caddy" || name == "dockerd" || name == "containerd";
}

bool is_tag_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.' || c == '@' || c == '/';
}

// Kernel OOM killer wording across versions (mm/oom_kill.c: "Out of memory: Kill process N
// (x) score N or sacrifice child" before 4.19, "Out of memory: Killed process N (x)" since;
// "x invoked oom-killer: gfp_mask=..."; "Memory cgroup out of memory: Killed process").
bool is_kernel_oom_wording(std::string_view m) {
  if (m.empty() || (m[0] != 'O' && m[0] != 'M' && m[0] != 'o' && !contains(m, "oom"))) {
    return false;
  }
  return starts_with(m, "Out of memory: Kill") || starts_with(m, "Memory cgroup out of memory") ||
         contains(m, " invoked oom-killer: ") || starts_with(m, "oom-kill:") ||
         starts_with(m, "oom_reaper: ") || starts_with(m, "Killed process ");
}

// nginx's error log body ("[error] 1234#1234: *56 connect() failed"), ngx_log_error_core
// in src/core/ngx_log.c: "[level] pid#tid: *connection ".
bool is_nginx_error_body(std::string_view m) {
  if (m.empty() || m[0] != '[') return false;
  const std::size_t close = m.find("] ");
  if (close == std::string_view::npos || close > 8) return false;
  std::string_view rest = m.substr(close + 2);
  std::size_t n = 0;
  while (n < rest.size() && is_ascii_digit(rest[n])) ++n;
  return n > 0 && n < rest.size() && rest[n] == '#';
}

// pm2's own wording: "[PM2] Spawning PM2 daemon" (CLI), "App [name:0] exited" (pm2 >= 2),
// "App name:x id:18 online" (pm2 0.x, lib/God.js), "PM2 log: " (daemon).
bool is_pm2_wording(std::string_view m) {
  return starts_with(m, "[PM2]") || starts_with(m, "App [") || starts_with(m, "App name:") ||
         starts_with(m, "PM2 log: ") || starts_with(m, "PM2 error: ") ||
         starts_with(m, "[PM2][WARN]") || starts_with(m, "[PM2][ERROR]");
}

// "App name:x id:18 online": the app name.
std::string_view old_pm2_app(std::string_view m) {
  if (!starts_with(m, "App name:")) return {};
  std::string_view rest = m.substr(9);
  const std::size_t end = rest.find(" id:");
  return end == std::string_view::npos ? std::string_view() : rest.substr(0, end);
}

}  // namespace

bool PlainInference::take_time(Event& event) const {
  std::string_view m = event.message;
  if (m.empty() || event.time.has_value() || !event.time_text.empty()) return false;
  const bool bracketed = m[0] == '[';
  std::string_view in = bracketed ? m.substr(1) : m;
  if (in.empty() || !(is_ascii_digit(in[0]) || is_ascii_alpha(in[0]))) return false;
  Timestamp time;
  std::string_view text;
  std::string_view rest = in;
  bool stamped = false;
  if (is_ascii_digit(in[0])) {
    stamped = grammar::iso8601(rest, time, text) || grammar::slash_datetime(rest, time, text);
    if (!stamped) {
      const std::size_t n = time_of_day(in);
      if (n == 0) return false;
      text = in.substr(0, n);  // a time of day places nothing on a clock: kept as written
      rest = in.substr(n);
    }
  } else if (!grammar::bsd_syslog(rest, default_year_, time, text)) {
    return false;
  }
  const std::size_t sep = separator(rest, bracketed);
  if (sep == 0 || sep == rest.size()) return false;  // a stamp alone says nothing to match
  if (stamped || time.has_value()) event.time = time;
  event.time_text.assign(text);
  event.message.erase(0, event.message.size() - rest.size() + sep);
  return true;
}

void PlainInference::take_tag(Event& event) {
  std::string_view m = event.message;
  if (m.empty() || !is_ascii_alpha(m[0])) return;
  std::size_t n = 0;
  while (n < m.size() && n < 48 && is_tag_char(m[n])) ++n;
  const std::string_view name = m.substr(0, n);
  std::string_view rest = m.substr(n);
  std::int64_t pid = 0;
  bool has_pid = false;
  if (!rest.empty() && rest[0] == '[') {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos || close < 2) return;
    const auto digits = rest.substr(1, close - 1);
    const char* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, pid);
    if (ec != std::errc() || ptr != end) return;
    has_pid = true;
    rest.remove_prefix(close + 1);
  } else if (!is_known_tagless(name)) {
    return;
  }
  if (!starts_with(rest, ": ")) return;
  if (has_pid && kernel::is_fault_report(m)) {  // the task the kernel reports on, not a writer
    event.source = SourceKind::kernel;
    event.process = "kernel";
    return;
  }
  event.process.assign(name);
  if (has_pid) event.pid = pid;
  event.source = classify_source(event.process, event.unit, SourceKind::other);
  event.message.erase(0, m.size() - rest.size() + 2);
}

void PlainInference::classify_wording(Event& event) {
  const std::string_view m = event.message;
  if (event.source == SourceKind::systemd || journal::is_manager_process(event.process)) {
    if (event.unit.empty()) event.unit.assign(journal::systemd_subject_unit(m));
    journal::extract_systemd_fields(m, event);
    return;
  }
  if (event.source == SourceKind::pm2 && is_pm2_wording(m)) {
    if (event.app.empty()) event.app.assign(old_pm2_app(m));
    pm2::annotate_daemon_message(m, event);
    return;
  }
  if (event.source != SourceKind::other && event.source != SourceKind::app) return;
  if (is_kernel_oom_wording(m)) {
    event.source = SourceKind::kernel;
    if (event.process.empty()) event.process = "kernel";
  } else if (is_pm2_wording(m)) {
    event.source = SourceKind::pm2;
    if (event.app.empty()) event.app.assign(old_pm2_app(m));
    pm2::annotate_daemon_message(m, event);
  } else if (is_nginx_error_body(m)) {
    event.source = SourceKind::proxy;
    if (event.process.empty()) event.process = "nginx";
  }
}

void PlainInference::infer(Event& event) const {
  take_time(event);
  // The oldest pm2 daemon prefix: "PM2: 2015-06-23 10:00:00: App name:x id:0 online".
  if (starts_with(event.message, "PM2: ")) {
    event.message.erase(0, 5);
    event.source = SourceKind::pm2;
    event.process = "PM2";
    take_time(event);
  }
  take_tag(event);
  classify_wording(event);
}

}  // namespace logdx
