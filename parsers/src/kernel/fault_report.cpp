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

class FaultReportParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kFaultReportInfo; }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event*) override {
    if (!is_fault_report(line)) return LineVerdict::no_match;
    fresh.message.assign(line);
    fresh.process = "kernel";
    fresh.source = SourceKind::kernel;
    fresh.set_field("transport", "kernel");
    return LineVerdict::record;
  }

  // The ']' of "comm[pid]" within a comm's length of the start.
  bool may_start(std::string_view line) const override {
    return line.substr(0, kMaxComm + 12).find("]: s") != std::string_view::npos;
  }
  StartBytes start_bytes() const override { return StartBytes{}.add_held("]"); }
};

}  // namespace

const ParserInfo kFaultReportInfo{
    "kernel-fault",
    "the kernel's 'comm[pid]: segfault at ...' without its envelope (dmesg --notime, -o cat)",
    SourceKind::kernel, 55, false};

bool is_fault_report(std::string_view message) {
  const std::size_t tag = task_tag_length(message);
  if (tag == 0) return false;
  const std::string_view rest = message.substr(tag);
  constexpr std::string_view kSegfault = "segfault at ";
  return rest.starts_with(kSegfault) && rest.size() > kSegfault.size() &&
         is_hex_digit(rest[kSegfault.size()]);
}

std::unique_ptr<EnvelopeParser> make_fault_report_parser(const ParserOptions&) {
  return std::make_unique<FaultReportParser>();
}

}  // namespace logdx::kernel
