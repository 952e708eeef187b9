// " host ident[pid]: message" in Boost.Spirit X3, the tail every syslog-shaped line shares
// once its stamp is read, and the mapping of its parts onto an Event.

#include "journal/syslog_tail.hpp"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <functional>

#include "grammar/ascii_chars.hpp"
#include "grammar/time.hpp"
#include "journal/systemd_message.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::journal {
namespace {

namespace x3 = boost::spirit::x3;

struct tail_tag;

template <typename Context>
SyslogTail& tail(Context& ctx) {
  return x3::get<tail_tag>(ctx).get();
}

std::string_view view_of(const auto& range) {
  return std::string_view(&*range.begin(), static_cast<std::size_t>(range.size()));
}

const auto set_host = [](auto& ctx) { tail(ctx).host = view_of(x3::_attr(ctx)); };
const auto set_ident = [](auto& ctx) { tail(ctx).ident = view_of(x3::_attr(ctx)); };
const auto set_pid = [](auto& ctx) { tail(ctx).pid = x3::_attr(ctx); };
const auto set_label = [](auto& ctx) { tail(ctx).label = view_of(x3::_attr(ctx)); };
const auto set_label_pid = [](auto& ctx) { tail(ctx).label_pid = x3::_attr(ctx); };

const x3::uint_parser<std::int64_t, 10, 1, 10> pid_digits;

// Host names (and IPv4 addresses, which rsyslog writes when it cannot resolve one) start with
// a letter or digit; that keeps "[gateway]"-style console prefixes out.
const auto host =
    x3::raw[grammar::ascii::alnum >> *(grammar::ascii::alnum | x3::char_("-._"))][set_host];
// Identifiers are free-form ("openclaw-digest.sh", "com.apple.xpc.launchd", "(sd-pam)",
// "user@1000.service/init.scope") but never contain blanks, ':' or '['.
const auto ident = x3::raw[+(x3::char_ - x3::char_(" \t:[(")) |
                           (x3::char_('(') >> +(x3::char_ - x3::char_(" \t:[")))][set_ident];
const auto pid = x3::lit('[') >> pid_digits[set_pid] >> x3::lit(']');
// macOS launchd: "com.apple.xpc.launchd[1] (ai.openclaw.gateway[48211]): ..."
const auto label = x3::lit(" (") >> x3::raw[+(x3::char_ - x3::char_(" \t[]()"))][set_label] >>
                   -(x3::lit('[') >> pid_digits[set_label_pid] >> x3::lit(']')) >> x3::lit(')');
const auto tail_rule = x3::lit(' ') >> host >> x3::lit(' ') >> ident >> -pid >> -label
                       >> x3::lit(':');
// `journalctl --no-hostname` (systemd v230+, src/shared/logs-show.c: OUTPUT_NO_HOSTNAME)
// drops the host column: "Jun 30 13:25:13 systemd[1]: ...". Without a host, only an ident
// with a [pid] (or the kernel, which has none) is taken, so "Mar 5 08:20:25 ERROR: x" stays
// text.
const auto hostless_rule = x3::lit(' ') >> ident >> -pid >> -label >> x3::lit(':');

bool is_init_scope(std::string_view unit) { return unit == "init.scope"; }

// "2026-03-05T08:20:25Z FATAL ERROR: Reached heap limit ..." or "... INFO gateway: ready" is a
// stamped console line whose level word only sits where a host would: syslog writers put the
// host name there as the system gives it, and no host is named in capitals after a log level,
// while console loggers (V8's FATAL ERROR, log4j/winston-style levels) print exactly that.
bool is_level_word(std::string_view word) {
  const bool capitals = !word.empty() && std::all_of(word.begin(), word.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; });
  return capitals && level_from_string(word) != Level::unknown;
}

// kern.log keeps the kernel's own "[ 2198.039371] " stamp inside the message (imklog).
void strip_uptime(Event& event) {
  std::string_view rest = event.message;
  Timestamp uptime;
  std::string_view text;
  if (!grammar::bracket_monotonic(rest, uptime, text)) return;
  if (!rest.empty() && rest.front() != ' ') return;
  if (!rest.empty()) rest.remove_prefix(1);
  std::string_view seconds = text.substr(1, text.size() - 2);
  while (!seconds.empty() && seconds.front() == ' ') seconds.remove_prefix(1);
  event.set_field("uptime", seconds);
  event.message = std::string(rest);
}

// journalctl -o with-unit prints "user@1000.service/openclaw-gateway.service" for user units.
void fill_unit_column(std::string_view column, Event& event) {
  const std::size_t slash = column.rfind('/');
  if (slash != std::string_view::npos) {
    event.set_field("user_manager", column.substr(0, slash));
    column = column.substr(slash + 1);
  }
  if (is_init_scope(column)) {
    event.process = "systemd";  // PID 1 or a user manager: both run in init.scope
  } else if (is_unit_name(column)) {
    event.unit.assign(column);
  } else {
    event.process.assign(column);  // no unit (kernel, or a process outside any unit)
  }
}

}  // namespace

bool parse_syslog_tail(std::string_view in, SyslogTail& out) {
  out = SyslogTail{};
  const char* first = in.data();
  const char* const last = in.data() + in.size();
  if (!x3::parse(first, last, x3::with<tail_tag>(std::ref(out))[tail_rule]) ||
      is_level_word(out.host)) {
    out = SyslogTail{};
    first = in.data();
    if (!x3::parse(first, last, x3::with<tail_tag>(std::ref(out))[hostless_rule])) return false;
    if (!out.pid && out.ident != "kernel") return false;
  }
  if (out.ident.front() == '(' && !out.pid) return false;  // "EXT4-fs (sda1):" is dmesg text
  // Both journalctl and rsyslog put a space after the colon, even before an empty message;
  // requiring it keeps "Call Trace:"-style text lines out.
  std::string_view rest(first, static_cast<std::size_t>(last - first));
  if (rest.empty() || rest.front() != ' ') return false;
  out.message = rest.substr(1);
  return true;
}

void fill_from_tail(const SyslogTail& tail, bool ident_is_unit, Event& event) {
  event.host.assign(tail.host);
  if (ident_is_unit) {
    fill_unit_column(tail.ident, event);
  } else {
    event.process.assign(tail.ident);
  }
  event.pid = tail.pid;
  event.message.assign(tail.message);
  if (!tail.label.empty()) {
    event.unit.assign(tail.label);
    if (tail.label_pid) event.set_field("unit_pid", std::to_string(*tail.label_pid));
  }
  if (event.process == "kernel") {
    strip_uptime(event);
    event.source = SourceKind::kernel;
    event.set_field("transport", "kernel");
    return;
  }
  const bool manager = is_manager_process(event.process);
  if (manager) {
    const std::string_view subject = systemd_subject_unit(event.message);
    if (!subject.empty()) event.unit.assign(subject);
    extract_systemd_fields(event.message, event);
    // PID 1 is the system manager; any other systemd is a user's (systemd --user).
    if (event.process == "systemd" && event.pid) {
      event.set_field("manager", *event.pid == 1 ? "system" : "user");
    }
  }
  const std::string_view classify_as = manager ? std::string_view("systemd") : event.process;
  const SourceKind fallback =
      event.process.empty() && event.unit.empty() ? SourceKind::other : SourceKind::app;
  event.source = classify_source(classify_as, event.unit, fallback);
}

}  // namespace logdx::journal
