// Tables and small X3 grammars for openclaw CLI output lines; see cli_shapes.hpp.

#include "openclaw/cli_shapes.hpp"

#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cctype>
#include <string>

#include "core/ascii.hpp"
#include "grammar/ascii_chars.hpp"
#include "openclaw/stamp.hpp"

namespace logdx::openclaw {
namespace {

namespace x3 = boost::spirit::x3;

bool starts_with(std::string_view text, std::string_view prefix) {
  return has_prefix(text, prefix);
}
bool contains(std::string_view text, std::string_view part) { return holds_text(text, part); }

// "Key: value" keys only openclaw's status/health/probe output uses.
constexpr std::array<std::string_view, 31> kStrongKeys = {"Service",
                                                          "File logs",
                                                          "Host desktop",
                                                          "Config (cli)",
                                                          "Config (service)",
                                                          "Gateway",
                                                          "Probe target",
                                                          "Dashboard",
                                                          "Probe note",
                                                          "CLI version",
                                                          "Gateway version",
                                                          "Runtime",
                                                          "Connectivity probe",
                                                          "Capability",
                                                          "Listening",
                                                          "Troubles",
                                                          "Gateway target",
                                                          "Gateway event loop",
                                                          "Gateway probe duration",
                                                          "Heartbeat interval",
                                                          "Session store (main)",
                                                          "Probe budget",
                                                          "Reachable",
                                                          "Deep probe",
                                                          "Gateway call",
                                                          "Config valid",
                                                          "Updated config",
                                                          "Health check failed",
                                                          "Config observe anomaly",
                                                          "Config write audit",
                                                          "Config write rejected"};

// Generic keys: openclaw's when the value names it, or in an input already known as CLI output.
constexpr std::array<std::string_view, 15> kContextKeys = {
    "Config", "Source", "Bind",    "Fix",     "Hint",       "File",   "Inspect",        "Agents",
    "FAQ",    "Tip",    "Warning", "Problem", "Next steps", "Backup", "Troubleshooting"};

// Unstamped messages openclaw prints (early gateway errors, CLI failures and notices).
constexpr std::array<std::string_view, 49> kMessagePrefixes = {
    "Gateway start blocked: ",
    "Config invalid",  // "Config invalid at PATH:" (config validate), 1.29 block
    "Gateway aborted: config is invalid",  // gateway run, then the issues
    "Gateway service ",                    // "Gateway service not loaded." (daemon lifecycle)
    "Missing config. Run `openclaw setup`",
    "Gateway failed to start: ",
    "If the gateway is supervised, stop it with: openclaw",
    "OpenClaw config is invalid",
    "OpenClaw status",
    "Invalid config at ",
    "Invalid config:",
    "Config path is valid but unset: ",
    "Config auto-restored from backup: ",
    "Config auto-restore from backup failed: ",
    "Config (/",
    "Config (~",
    "Config at ",
    "Failed to read config at ",
    "Doctor could not ",
    "Doctor finished",
    "Doctor complete",
    "Gateway not reachable",
    "Start it with `openclaw gateway",
    "gateway connect failed: ",
    "Gateway call failed: ",
    "gateway closed (",
    "unauthorized: ",
    "device identity required",
    "Local Gateway RPC unavailable",
    "Log tail truncated",
    "No supported service manager detected.",
    "- Another process is listening on this port.",
    "Another process is listening on this port.",
    "Refusing to bind gateway to ",
    "Container environment detected",
    "Set OPENCLAW_GATEWAY_TOKEN",
    "Run `openclaw ",
    "Run \"openclaw ",
    "Run openclaw ",
    "Inspect with openclaw ",
    "Updated gateway.",
    "Removed gateway.",
    "waiting for managed service",
    "Gateway auth token was missing",
    "force: killed pid ",
    "Audit, status, health, logs",
    "Troubleshooting: https://docs.openclaw.ai",
    "- No gateway answered any probe",
    "Local loopback ws://"};

// Lines of `openclaw status` / `devices list` that are only recognisable in context.
constexpr std::array<std::string_view, 7> kContextPrefixes = {"No channels configured",
                                                              "No sessions",
                                                              "No device pairing entries",
                                                              "Skipped in fast status",
                                                              "Paired (",
                                                              "Pending (",
                                                              "Found "};

// The first bytes of a list's prefixes: every plain-text line is offered to this parser (the
// per-line fallback, each prefix boundary), and most start with none of them, so the list is
// compared only after this one lookup (a tenth of the plain-text path went to these compares).
template <std::size_t N>
constexpr std::array<bool, 256> first_bytes(const std::array<std::string_view, N>& prefixes) {
  std::array<bool, 256> out{};
  for (std::string_view prefix : prefixes) out[static_cast<unsigned char>(prefix.front())] = true;
  return out;
}

constexpr std::array<bool, 256> kMessageFirst = first_bytes(kMessagePrefixes);
constexpr std::array<bool, 256> kContextFirst = first_bytes(kContextPrefixes);

bool may_start_one_of(std::string_view line, const std::array<bool, 256>& first) {
  return !line.empty() && first[static_cast<unsigned char>(line.front())];
}

constexpr std::array<std::string_view, 8> kTitles = {
    "Overview",       "Security audit",           "Channels",       "Sessions", "Targets",
    "Gateway Status", "Discovery (this machine)", "Full device IDs"};

// "[openclaw] text", "[gateway] text": the CLI's own tags.
constexpr std::array<std::string_view, 2> kTags = {"[openclaw] ", "[gateway] "};

constexpr std::array<std::string_view, 4> kLintLevels = {"[warning] ", "[error] ", "[info] ",
                                                         "[critical] "};

// Every pair of first bytes a line read_cli_line takes can start with: its tags, prefixes, keys and
// titles, "gateway ", "Port ", "- pid ", "× " /
// "- " issues (each at least two bytes long). One bit per pair: prose shares first letters with
// these ("worker", "Listening") far more often than first pairs.
class BytePairs {
 public:
  constexpr void add(std::string_view text) {
    const std::size_t at = index(text);
    bits_[at / 64] |= std::uint64_t{1} << (at % 64);
  }
  constexpr bool holds(std::string_view text) const {
    if (text.size() < 2) return false;
    const std::size_t at = index(text);
    return (bits_[at / 64] >> (at % 64) & 1U) != 0;
  }

 private:
  static constexpr std::size_t index(std::string_view text) {
    return static_cast<unsigned char>(text[0]) * 256U + static_cast<unsigned char>(text[1]);
  }
  std::array<std::uint64_t, 1024> bits_{};
};

// Calls `add` with every start read_cli_line looks for.
template <typename Add>
constexpr void each_cli_start(Add add) {
  for (auto prefix : kMessagePrefixes) add(prefix);
  for (auto prefix : kContextPrefixes) add(prefix);
  for (auto key : kStrongKeys) add(key);
  for (auto key : kContextKeys) add(key);
  for (auto title : kTitles) add(title);
  for (auto tag : kLintLevels) add(tag);
  for (auto tag : kTags) add(tag);
  for (std::string_view other : {"gateway ", "Port ", "- pid ", "\xC3\x97 "}) {
    add(other);
  }
}

constexpr BytePairs any_cli_start() {
  BytePairs out;
  each_cli_start([&out](std::string_view text) { out.add(text); });
  return out;
}

constexpr BytePairs kAnyCliStart = any_cli_start();

// "Port 18789 is already in use." and "- pid 9701 root: <command> (<addr>)".
const auto port_in_use = x3::lit("Port ") >> x3::uint_ >> x3::lit(" is already in use.");
const auto holder = x3::lit("- pid ") >> x3::uint_ >> ' ' >> x3::raw[+(x3::char_ - ':' - ' ')] >>
                    x3::lit(": ");
// Config issue lines: "× <root>: ...", "- gateway.port: ...", "- openclaw.json:4 — ...".
const auto config_path = x3::lit("<root>") | (+(grammar::ascii::alnum | x3::char_("_[]-")) >> '.' >>
                                              +(grammar::ascii::alnum | x3::char_("_.[]-")));
const auto issue_line = (x3::lit("× ") | x3::lit("- ")) >> config_path >>
                        (x3::lit(": ") | x3::lit(':') >> x3::uint_ >> x3::lit(" — "));

std::string field_name(std::string_view key) {
  std::string name;
  for (char c : key) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (word) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!name.empty() && name.back() != '_') {
      name.push_back('_');
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

bool names_openclaw(std::string_view value) {
  return contains(value, "openclaw") || contains(value, "gateway") || contains(value, "Gateway") ||
         starts_with(value, "local") || starts_with(value, "remote") ||
         starts_with(value, "loopback") || starts_with(value, "lan") || starts_with(value, "auto");
}

CliMatch read_key_value(std::string_view line, Event& event) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return CliMatch::none;
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return CliMatch::none;
  const std::string_view key = line.substr(0, colon);
  const std::string_view value = trim(line.substr(colon + 1));
  CliMatch match = CliMatch::none;
  for (auto k : kStrongKeys) {
    if (key == k) match = CliMatch::strong;
  }
  for (auto k : kContextKeys) {
    if (key == k) match = names_openclaw(value) ? CliMatch::strong : CliMatch::context;
  }
  if (match == CliMatch::none) return match;
  event.message.assign(line);
  if (!value.empty()) event.set_field(field_name(key), value);
  return match;
}

template <typename Rule, typename Attr>
bool parse_prefix(std::string_view line, const Rule& rule, Attr& attr) {
  const char* first = line.data();
  return x3::parse(first, line.data() + line.size(), rule, attr);
}

CliMatch read_port_report(std::string_view line, Event& event) {
  unsigned port = 0;
  if (parse_prefix(line, port_in_use, port)) {
    event.message.assign(line);
    event.set_field("port", std::to_string(port));
    return CliMatch::strong;
  }
  boost::fusion::deque<unsigned, boost::iterator_range<const char*>> pid_user;
  if (parse_prefix(line, holder, pid_user)) {
    event.message.assign(line);
    event.set_field("holder_pid", std::to_string(boost::fusion::at_c<0>(pid_user)));
    const auto& user = boost::fusion::at_c<1>(pid_user);
    event.set_field("holder_user", std::string_view(user.begin(), user.size()));
    return CliMatch::strong;
  }
  x3::unused_type none;
  if (parse_prefix(line, issue_line, none)) {
    event.message.assign(line);
    return CliMatch::strong;
  }
  return CliMatch::none;
}

CliMatch read_bracketed(std::string_view line, Event& event) {
  for (std::string_view tag : kTags) {
    if (starts_with(line, tag)) {
      event.subsystem.assign(tag.substr(1, tag.size() - 3));
      event.message.assign(line.substr(tag.size()));
      return CliMatch::strong;
    }
  }
  for (auto tag : kLintLevels) {
    if (!starts_with(line, tag)) continue;
    const std::string_view rest = line.substr(tag.size());
    const std::string_view check = rest.substr(0, rest.find(' '));
    if (!contains(check, "/")) return CliMatch::none;  // "core/doctor/...": a doctor check id
    event.level = level_from_string(tag.substr(1, tag.size() - 3));
    event.message.assign(rest);
    return CliMatch::strong;
  }
  return CliMatch::none;
}

// The headers openclaw prints above a config's issues (shared openclaw-wording-by-version.md
// §5: `config validate` "Config invalid at PATH:" then "  × path: msg"; 1.29/3.8 "Config
// invalid" / "File: PATH" / "Problem:" / "  - ..."; "Invalid config at PATH:\n- path: msg";
// 5.28+ "OpenClaw config is invalid: PATH"; gateway run "Gateway aborted: config is invalid."
// then "path: msg"; doctor's "Invalid config:" then "- path: msg", corpus/real/05).
constexpr std::array<std::string_view, 6> kIssueHeaders = {"Config invalid",
                                                           "Invalid config at ",
                                                           "Invalid config:",
                                                           "OpenClaw config is invalid",
                                                           "Gateway aborted: config is invalid",
                                                           "Problem:"};

const auto bare_issue_line = config_path >> x3::lit(": ");

bool is_issue_header(std::string_view message) {
  for (const std::string_view header : kIssueHeaders) {
    if (starts_with(message, header)) return true;
  }
  return false;
}

bool is_issue_line(std::string_view line) {
  if (starts_with(line, "File: ") || line == "Problem:") return true;
  x3::unused_type none;
  return parse_prefix(line, issue_line, none) || parse_prefix(line, bare_issue_line, none);
}

// clawdbot 2026.1.24 dist/cli/daemon-cli/lifecycle.js: "Gateway service ${notLoadedText}." then
// one "Start with: ${hint}" per hint (openclaw 2026.9.6 writes them as "Tip: ").
bool is_service_state_header(std::string_view message) {
  return starts_with(message, "Gateway service ") && message.ends_with(".") &&
         message.find(':') == std::string_view::npos;
}

bool is_service_hint_line(std::string_view line) {
  return starts_with(line, "Start with: ") || starts_with(line, "Tip: ");
}

}  // namespace

FollowLines follow_lines_of(std::string_view message) {
  if (is_issue_header(message)) return FollowLines::config_issues;
  if (is_service_state_header(message)) return FollowLines::service_hints;
  return FollowLines::none;
}

bool follows(FollowLines kind, std::string_view line) {
  switch (kind) {
    case FollowLines::config_issues:
      return is_issue_line(line);
    case FollowLines::service_hints:
      return is_service_hint_line(line);
    case FollowLines::none:
      break;
  }
  return false;
}

bool may_be_cli_line(std::string_view line) { return kAnyCliStart.holds(line); }

StartBytes cli_line_start_bytes() {
  StartBytes start;
  each_cli_start([&start](std::string_view text) { start.add(text.substr(0, 1)); });
  return start;
}

CliMatch read_cli_line(std::string_view line, Event& event) {
  if (auto m = read_bracketed(line, event); m != CliMatch::none) return m;
  for (auto prefix : kMessagePrefixes) {
    if (!may_start_one_of(line, kMessageFirst)) break;  // none of them can match
    // The first byte before the call: a prose line led by a listed letter ("Listening",
    // "Loading") would otherwise pay a compare for each of the 46.
    if (prefix.front() == line.front() && starts_with(line, prefix)) {
      event.message.assign(line);
      return CliMatch::strong;
    }
  }
  if (starts_with(line, "gateway ") &&
      contains(line, " requires credentials before opening a websocket")) {
    event.message.assign(line);
    return CliMatch::strong;
  }
  if (auto m = read_port_report(line, event); m != CliMatch::none) return m;
  if (auto m = read_key_value(line, event); m != CliMatch::none) return m;
  for (auto prefix : kContextPrefixes) {
    if (!may_start_one_of(line, kContextFirst)) break;  // none of them can match
    if (prefix.front() == line.front() && starts_with(line, prefix)) {
      event.message.assign(line);
      return CliMatch::context;
    }
  }
  const std::string_view trimmed = trim(line);
  for (auto title : kTitles) {
    if (trimmed == title) return CliMatch::title;
  }
  return CliMatch::none;
}

}  // namespace logdx::openclaw
