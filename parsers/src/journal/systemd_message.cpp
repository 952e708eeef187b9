// Reading systemd manager messages. Plain string scanning: these are fixed phrases inside the
// message, not an envelope, so a grammar would add nothing.

#include "journal/systemd_message.hpp"

#include <array>
#include <cctype>

namespace logdx::journal {
namespace {

constexpr std::array<std::string_view, 11> kUnitSuffixes = {
    ".service", ".scope", ".slice", ".socket", ".timer",    ".mount",
    ".target",  ".path",  ".swap",  ".device", ".automount"};

// "Started X - Desc." (systemd >= 249 prints the unit name before the description).
constexpr std::array<std::string_view, 9> kJobVerbs = {
    "Started ",  "Starting ",  "Stopped ",        "Stopping ", "Failed to start ",
    "Reloaded ", "Reloading ", "Failed to stop ", "Finished "};

bool is_unit_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
         c == '@' || c == ':' || c == '\\';
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The value of `key=` (e.g. "status=") where the key is a whole word, up to ',', ')' or space.
std::string_view find_value(std::string_view text, std::string_view key) {
  std::size_t from = 0;
  while (true) {
    const std::size_t at = text.find(key, from);
    if (at == std::string_view::npos) return {};
    if (at == 0 || !is_word_char(text[at - 1])) {
      std::string_view value = text.substr(at + key.size());
      const std::size_t end = value.find_first_of(",) ");
      return value.substr(0, end);
    }
    from = at + key.size();
  }
}

std::string_view leading_digits(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && n < 18 && std::isdigit(static_cast<unsigned char>(text[n])) != 0) ++n;
  return text.substr(0, n);
}

}  // namespace

bool is_unit_name(std::string_view text) {
  if (text.size() < 3 || text.size() > 256) return false;
  for (char c : text) {
    if (!is_unit_char(c)) return false;
  }
  for (auto suffix : kUnitSuffixes) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) return true;
  }
  return false;
}

std::string_view systemd_subject_unit(std::string_view message) {
  const std::size_t colon = message.find(": ");
  if (colon != std::string_view::npos && is_unit_name(message.substr(0, colon))) {
    return message.substr(0, colon);
  }
  for (auto verb : kJobVerbs) {
    if (!message.starts_with(verb)) continue;
    std::string_view rest = message.substr(verb.size());
    rest = rest.substr(0, rest.find(' '));
    while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
    if (is_unit_name(rest)) return rest;
  }
  return {};
}

bool extract_exit_fields(std::string_view text, Event& event) {
  const std::string_view code = find_value(text, "code=");
  const std::string_view status = find_value(text, "status=");
  const std::string_view signal = find_value(text, "signal=");
  if (code.empty() && status.empty() && signal.empty()) return false;
  if (!code.empty()) event.set_field("exit_reason", code);
  if (!status.empty()) event.set_field("exit_status", status);
  const std::string_view number = leading_digits(status);
  if (!number.empty() && (code.empty() || code == "exited")) event.set_field("exit_code", number);
  if (!signal.empty()) {
    event.set_field("signal", signal);
  } else if (code == "killed" || code == "dumped") {
    // "status=9/KILL": the name after the slash is the signal.
    const std::size_t slash = status.find('/');
    if (slash != std::string_view::npos) event.set_field("signal", status.substr(slash + 1));
  }
  return true;
}

void extract_systemd_fields(std::string_view message, Event& event) {
  extract_exit_fields(message, event);
  constexpr std::string_view kResult = "with result '";
  if (const std::size_t at = message.find(kResult); at != std::string_view::npos) {
    std::string_view rest = message.substr(at + kResult.size());
    const std::size_t end = rest.find('\'');
    if (end != std::string_view::npos) event.set_field("result", rest.substr(0, end));
  }
  // launchd: "Service exited with abnormal code: 1", "Service exited due to SIGKILL".
  constexpr std::string_view kAbnormal = "exited with abnormal code: ";
  if (const std::size_t at = message.find(kAbnormal); at != std::string_view::npos) {
    const std::string_view digits = leading_digits(message.substr(at + kAbnormal.size()));
    if (!digits.empty()) event.set_field("exit_code", digits);
  }
  constexpr std::string_view kDueTo = "exited due to SIG";
  if (const std::size_t at = message.find(kDueTo); at != std::string_view::npos) {
    std::string_view name = message.substr(at + kDueTo.size());
    name = name.substr(0, name.find_first_of(" |"));
    if (!name.empty()) event.set_field("signal", name);
  }
  constexpr std::string_view kCounter = "restart counter is at ";
  if (const std::size_t at = message.find(kCounter); at != std::string_view::npos) {
    const std::string_view digits = leading_digits(message.substr(at + kCounter.size()));
    if (!digits.empty()) event.set_field("restart_counter", digits);
  }
}

bool is_manager_process(std::string_view process) {
  return process == "systemd" || process == "init" || process == "launchd" ||
         process == "com.apple.xpc.launchd";
}

}  // namespace logdx::journal
