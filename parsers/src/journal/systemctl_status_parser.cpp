// `systemctl status UNIT`: a block "● unit - Description" + indented "Loaded:", "Active:",
// "Process:", "Main PID:", "CGroup:" lines (one record: the state of the unit), a blank line,
// then the unit's last journal lines in short format (ordinary records).

#include "journal/systemctl_status_parser.hpp"

#include <array>
#include <charconv>

#include "core/ascii.hpp"
#include "grammar/time.hpp"
#include "journal/short_line.hpp"
#include "journal/systemd_message.hpp"

namespace logdx::journal {
namespace {

// ● (loaded), × (failed, systemd >= 248), ○ (inactive), ↻ (reloading), '*' without UTF-8.
constexpr std::array<std::string_view, 5> kStateMarks = {"\xE2\x97\x8F", "\xC3\x97", "\xE2\x97\x8B",
                                                         "\xE2\x86\xBB", "*"};

std::string_view after(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix) ? text.substr(prefix.size()) : std::string_view{};
}

std::string_view between(std::string_view text, std::string_view open, char close) {
  const std::size_t at = text.find(open);
  if (at == std::string_view::npos) return {};
  std::string_view rest = text.substr(at + open.size());
  return rest.substr(0, rest.find(close));
}

// "Loaded: loaded (/etc/systemd/system/x.service; enabled; preset: enabled)"
void read_loaded(std::string_view value, Event& event) {
  event.set_field("loaded", value.substr(0, value.find(' ')));
  std::string_view path = between(value, "(", ')');
  path = path.substr(0, path.find(';'));
  if (path.empty()) return;
  event.set_field("unit_file", path);
  const bool user = path.find("/systemd/user/") != std::string_view::npos;
  event.set_field("manager", user ? "user" : "system");
}

// "Active: failed (Result: exit-code) since Tue 2026-02-10 15:21:09 UTC; 2min 14s ago"
void read_active(std::string_view value, Event& event) {
  const std::string_view state = value.substr(0, value.find(' '));
  event.set_field("active_state", state);
  if (const std::string_view result = between(value, "(Result: ", ')'); !result.empty()) {
    event.set_field("result", result);
  } else if (const std::string_view sub = between(value, "(", ')'); !sub.empty()) {
    event.set_field("sub_state", sub);
  }
  event.level = state == "failed"                                  ? Level::error
                : state == "activating" || state == "deactivating" ? Level::warning
                                                                   : Level::info;
  const std::size_t since = value.find(" since ");
  if (since == std::string_view::npos) return;
  std::string_view stamp = value.substr(since + 7);
  std::string_view text;
  Timestamp time;
  if (grammar::weekday_iso(stamp, time, text)) {
    event.time = time;
    event.time_text.assign(text);
  }
}

std::optional<std::int64_t> leading_pid(std::string_view text) {
  std::int64_t pid = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), pid);
  if (result.ec != std::errc() || pid <= 0) return std::nullopt;
  return pid;
}

// "Main PID: 4242 (node)" or "Main PID: 5361 (code=exited, status=1/FAILURE)"
void read_main_pid(std::string_view value, Event& event) {
  event.pid = leading_pid(value);
  const std::string_view inside = between(value, "(", ')');
  if (inside.find('=') == std::string_view::npos) {
    if (!inside.empty()) event.process.assign(inside);
    return;
  }
  extract_exit_fields(inside, event);
}

// "Process: 5361 ExecStart=/usr/bin/node ... (code=exited, status=1/FAILURE)"
void read_process(std::string_view value, Event& event) {
  const std::size_t at = value.rfind(" (code=");
  if (at == std::string_view::npos) return;
  const std::string_view outcome = value.substr(at);
  if (outcome.find("status=0/SUCCESS") != std::string_view::npos) return;
  extract_exit_fields(outcome, event);
}

void read_body_line(std::string_view line, Event& event) {
  const std::string_view text = trim_blanks_left(line);
  event.message.push_back('\n');
  event.message.append(text);
  if (auto v = after(text, "Loaded: "); !v.empty()) return read_loaded(v, event);
  if (auto v = after(text, "Active: "); !v.empty()) return read_active(v, event);
  if (auto v = after(text, "Main PID: "); !v.empty()) return read_main_pid(v, event);
  if (auto v = after(text, "Process: "); !v.empty()) return read_process(v, event);
}

// "unit - Description" after the state mark.
bool read_header_text(std::string_view text, bool need_description, Event& event) {
  const std::size_t dash = text.find(" - ");
  if (need_description && dash == std::string_view::npos) return false;
  const std::string_view unit = text.substr(0, dash);
  if (!is_unit_name(unit)) return false;
  event.unit.assign(unit);
  if (dash != std::string_view::npos) event.set_field("description", text.substr(dash + 3));
  event.message.assign(text);
  event.source = SourceKind::systemd;
  return true;
}

bool read_header(std::string_view line, Event& event) {
  for (auto mark : kStateMarks) {
    if (!line.starts_with(mark) || line.size() <= mark.size() || line[mark.size()] != ' ') {
      continue;
    }
    return read_header_text(line.substr(mark.size() + 1), false, event);
  }
  // A paste that lost the mark (a terminal font without U+25CF, a copy starting one column
  // late): "process-exporter.service - process_exporter". The " - Description" is required.
  return read_header_text(line, true, event);
}

// The labels of the block (systemd src/systemctl/systemctl-show.c print_status_info, v219-v256)
// and the CGroup tree's branches. Older systemd right-aligns the labels to "Main PID", which
// then starts in column 0; a paste that lost the indentation (an issue body, a chat) starts
// every label there. Only read inside a block: "Status:" or "Memory:" alone is anybody's.
constexpr std::array<std::string_view, 23> kBlockLabels = {
    "Loaded: ",   "Active: ",     "Main PID: ", "Process: ",  "CGroup: ",    "Tasks: ",
    "Memory: ",   "CPU: ",        "Docs: ",     "Drop-In: ",  "Status: ",    "TriggeredBy: ",
    "Triggers: ", "Invocation: ", "Listen: ",   "Accepted: ", "Connected: ", "IP: ",
    "IO: ",       "Condition: ",  "Trigger: ",  "Mem peak: ", "Notify: "};
constexpr std::array<std::string_view, 3> kTreeBranches = {"\xE2\x94\x94\xE2\x94\x80",  // └─
                                                           "\xE2\x94\x9C\xE2\x94\x80",  // ├─
                                                           "\xE2\x94\x82 "};            // │
bool is_unindented_label(std::string_view line) {
  for (const std::string_view label : kBlockLabels) {
    if (line.starts_with(label)) return true;
  }
  for (const std::string_view branch : kTreeBranches) {
    if (line.starts_with(branch)) return true;
  }
  return false;
}

// The year of the body's "Active: ... since Sat 2020-06-06 20:13:48 BST" line, if it is one:
// the journal lines under the block write no year ("Jun 06 20:13:48"), and they are from the
// days around that date, not from the year the file was saved in.
std::optional<int> since_year(std::string_view line) {
  const std::string_view text = trim_blanks_left(line);
  if (!text.starts_with("Active: ")) return std::nullopt;
  const std::size_t since = text.find(" since ");
  if (since == std::string_view::npos) return std::nullopt;
  const std::string_view stamp = text.substr(since + 7);
  const std::size_t blank = stamp.find(' ');  // after the weekday
  if (blank == std::string_view::npos || stamp.size() < blank + 6 || stamp[blank + 5] != '-') {
    return std::nullopt;
  }
  int year = 0;
  const char* first = stamp.data() + blank + 1;
  const auto result = std::from_chars(first, first + 4, year);
  if (result.ec != std::errc() || result.ptr != first + 4 || year < 1970) return std::nullopt;
  return year;
}

class SystemctlStatusParser final : public EnvelopeParser {
 public:
  explicit SystemctlStatusParser(const ParserOptions& options)
      : default_year_(options.default_year), year_(options.default_year) {}

  const ParserInfo& info() const override { return kSystemctlStatusInfo; }

  LineVerdict parse_line(std::string_view line, Event& fresh, Event* open) override {
    if (read_header(line, fresh)) {
      in_block_ = true;
      return LineVerdict::record;
    }
    if (in_block_) {
      if (line.empty()) {
        in_block_ = false;
        return LineVerdict::skip;
      }
      if ((line.front() == ' ' || line.front() == '\t' || is_unindented_label(line)) &&
          open != nullptr) {
        read_body_line(line, *open);
        if (const auto year = since_year(line)) year_ = *year;
        return LineVerdict::continuation;
      }
      in_block_ = false;
    }
    return other_line(line, fresh);
  }

  // Outside a block a line is refused with no state change unless it is a header (a state
  // mark, or " - " before a description), a journal line, or one of systemctl's notes.
  bool may_start(std::string_view line) const override {
    if (in_block_ || line.empty()) return true;
    const auto first = static_cast<unsigned char>(line.front());
    return first >= 0x80 || first == '*' || holds_text(line, " - ") ||
           may_start_short_line(StampShape::bsd, line) ||
           may_start_short_line(StampShape::iso, line) || line.starts_with("Hint: ") ||
           line.starts_with("Warning: ") || line.starts_with("Unit ");
  }
  // The bytes above, the header's " - " (a dash), and the colon of a BSD stamp's time, whose
  // localised month may start with nearly any byte.
  StartBytes start_bytes() const override {
    StartBytes start = StartBytes{}.add_digits().add("*HWU").add_held("-:");
    for (int b = 0x80; b < 0x100; ++b) start.first.set(static_cast<std::size_t>(b));
    return start;
  }

  void reset() override {
    in_block_ = false;
    year_ = default_year_;
  }

 private:
  LineVerdict other_line(std::string_view line, Event& fresh) {
    if (parse_short_line(StampShape::bsd, year_, line, fresh) ||
        parse_short_line(StampShape::iso, year_, line, fresh)) {
      return LineVerdict::record;
    }
    if (line.starts_with("Hint: ")) return LineVerdict::skip;  // "Some lines were ellipsized"
    const bool warning = line.starts_with("Warning: ");
    const std::string_view missing = between(line, "Unit ", ' ');
    if (warning || (line.starts_with("Unit ") && line.ends_with(" could not be found.") &&
                    is_unit_name(missing))) {
      fresh.message.assign(line);
      fresh.source = SourceKind::systemd;
      fresh.process = "systemctl";
      fresh.level = warning ? Level::warning : Level::error;
      if (!warning) fresh.unit.assign(missing);
      return LineVerdict::record;
    }
    return LineVerdict::no_match;
  }

  int default_year_;
  int year_;  // the last block's "since" year, else the default: for the journal lines
  bool in_block_ = false;
};

}  // namespace

std::unique_ptr<EnvelopeParser> make_systemctl_status_parser(const ParserOptions& options) {
  return std::make_unique<SystemctlStatusParser>(options);
}

}  // namespace logdx::journal
