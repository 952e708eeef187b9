#include "kernel/fault_report.hpp"

#include "core/ascii.hpp"

namespace logdx::kernel {
namespace {

// TASK_COMM_LEN is 16: a comm is at most 15 bytes.
constexpr std::size_t kMaxComm = 15;

// The "comm[pid]: " in front of the report: its length, or 0. A comm may hold a blank ("Web
// Content"), but so does a sentence ("it says node[1]: ..."): blanks, colons and quotes end
// the look, as in the pack's rule, at the price of those few comms.
std::size_t task_tag_length(std::string_view m) {
  if (m.empty() || m.front() == '[') return 0;
  std::size_t open = 0;
  while (open < m.size() && open <= kMaxComm && m[open] != '[') {
    const char c = m[open];
    if (c == ' ' || c == '\t' || c == ':' || c == '"' || c == '\'' || c == '`' || c == ']' ||
        c == '\n') {
      return 0;
    }
    ++open;
  }
  if (open == 0 || open > kMaxComm || open >= m.size()) return 0;
  std::size_t close = open + 1;
  while (close < m.size() && is_ascii_digit(m[close])) ++close;
  if (close == open + 1 || close + 3 > m.size() || m[close] != ']' || m[close + 1] != ':' ||
      m[close + 2] != ' ') {
    return 0;
  }
  return close + 3;
}

bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

bool is_fault_report(std::string_view message) {
  const std::size_t tag = task_tag_length(message);
  if (tag == 0) return false;
  const std::string_view rest = message.substr(tag);
  constexpr std::string_view kSegfault = "segfault at ";
  return rest.starts_with(kSegfault) && rest.size() > kSegfault.size() &&
         is_hex_digit(rest[kSegfault.size()]);
}

}  // namespace logdx::kernel
