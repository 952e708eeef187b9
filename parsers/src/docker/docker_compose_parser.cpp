// `docker compose logs` / `docker compose up`: `<service>-<n>  | ` (padded to the longest
// name, coloured with ANSI SGR escapes under a tty), then with -t Docker's RFC 3339 nano stamp,
// then the container's line as written. Compose's own lines (`Attaching to ...`,
// `<name> exited with code N` (v2.39.3+ adds ` (restarting)` when the container's restart
// policy starts it again), `Gracefully stopping...`, `[+] Running 2/2`,
// ` ✔ Container <name>  Started`) are records with source docker.

#include <boost/spirit/home/x3.hpp>
#include <functional>
#include <memory>

#include "core/ascii.hpp"
#include "docker/docker_parsers.hpp"
#include "docker/docker_text.hpp"
#include "grammar/ascii_chars.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::docker {
namespace {

namespace x3 = boost::spirit::x3;

const ParserInfo kComposeInfo{"docker-compose",
                              "docker compose logs/up: `service-1  | line`, optional -t stamp",
                              SourceKind::app, 60, true};

struct ComposeParts {
  std::string_view name;
  std::string_view code;
  std::string_view kind;    // Container / Network / Volume in progress lines
  std::string_view state;   // Created, Started, Stopped, ...
  bool restarting = false;  // `exited with code N (restarting)`
};

struct parts_tag;

template <typename Context>
ComposeParts& parts(Context& ctx) {
  return x3::get<parts_tag>(ctx).get();
}

template <typename Range>
std::string_view view_of(const Range& range) {
  return std::string_view(&*range.begin(), static_cast<std::size_t>(range.size()));
}

const auto set_name = [](auto& ctx) { parts(ctx).name = view_of(x3::_attr(ctx)); };
const auto set_code = [](auto& ctx) { parts(ctx).code = view_of(x3::_attr(ctx)); };
const auto set_kind = [](auto& ctx) { parts(ctx).kind = view_of(x3::_attr(ctx)); };
const auto set_state = [](auto& ctx) { parts(ctx).state = view_of(x3::_attr(ctx)); };
const auto set_restarting = [](auto& ctx) { parts(ctx).restarting = true; };

// Container / service names: what Docker allows, [a-zA-Z0-9][a-zA-Z0-9_.-]*.
const auto name = x3::raw[grammar::ascii::alnum >> *(grammar::ascii::alnum | x3::char_("_.-"))];
// The name padded with spaces, then `|` and one space (none when the container's line is
// empty and the terminal trimmed it).
const auto prefix_rule = name[set_name] >> +x3::lit(' ') >> x3::lit('|') >>
                         (x3::lit(' ') | x3::eoi);
// pkg/compose/printer.go: "exited with code %d", and since v2.39.3 "exited with code %d
// (restarting)" when the engine restarts the container under its restart policy.
const auto exited_rule =
    name[set_name] >> x3::lit(" exited with code ") >> x3::raw[+grammar::ascii::digit][set_code] >>
    -x3::lit(" (restarting)")[set_restarting] >> *x3::lit(' ') >> x3::eoi;
// Compose's progress lines: ` ✔ Container openclaw-gateway-1  Started   0.4s` (tty) or
// ` Container openclaw-gateway-1  Created` (plain); the glyph is dropped before this rule.
// Compose capitalises every state it prints (Created, Started, Healthy, Waiting, Error), so a
// sentence that happens to begin with one of the kinds ("Network is unreachable", the tail of
// a Python or Go error) is no progress line.
const auto kind = x3::raw[x3::lit("Container") | x3::lit("Network") | x3::lit("Volume")];
const auto progress_rule =
    kind[set_kind] >> x3::lit(' ') >> name[set_name] >>
    +x3::lit(' ') >> x3::raw[grammar::ascii::upper >> *grammar::ascii::alpha][set_state] >>
    -(+x3::lit(' ') >> +(grammar::ascii::digit | x3::char_('.')) >> x3::lit('s')) >>
    *x3::lit(' ') >> x3::eoi;
template <typename Rule>
bool run(const Rule& rule, std::string_view& in, ComposeParts& p) {
  const char* first = in.data();
  const char* const last = in.data() + in.size();
  if (!x3::parse(first, last, x3::with<parts_tag>(std::ref(p))[rule])) return false;
  in.remove_prefix(static_cast<std::size_t>(first - in.data()));
  return true;
}

bool starts_with(std::string_view s, std::string_view prefix) { return has_prefix(s, prefix); }

// What `name` reads after its first character (a superset is harmless: it only widens a gate).
bool is_name_char(char c) { return is_ascii_alnum(c) || c == '_' || c == '.' || c == '-'; }

// Drops a leading status glyph (`✔ `, `⠿ `, `✘ `: one non-ASCII character and a space).
std::string_view without_glyph(std::string_view s) {
  if (s.empty() || static_cast<unsigned char>(s.front()) < 0x80) return s;
  std::size_t i = 1;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i < s.size() && s[i] == ' ' ? s.substr(i + 1) : s;
}

// Fills `event` from one of compose's own status lines; false if `plain` is none of them.
bool read_compose_status(std::string_view plain, Event& event) {
  ComposeParts p;
  std::string_view probe = plain;
  std::string_view progress = without_glyph(plain);
  if (starts_with(plain, "Attaching to ")) {
    event.set_field("containers", plain.substr(13));
  } else if (run(exited_rule, probe, p)) {
    event.unit.assign(p.name);
    event.set_field("exit_code", p.code);
    if (p.restarting) event.set_field("restarting", "true");
  } else if (run(progress_rule, progress, p)) {
    if (p.kind == "Container") event.unit.assign(p.name);
    event.set_field("object", p.kind);
    event.set_field("status", p.state);
  } else if (!starts_with(plain, "Gracefully stopping...") &&
             !starts_with(plain, "Aborting on container exit...") && !starts_with(plain, "[+] ")) {
    return false;
  }
  return true;
}

class ComposeParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kComposeInfo; }

  // A service prefix needs its '|' (colours may hide anything); compose's own lines start with
  // their words or hold "exited with code" / an object kind. Stateless, so a refusal is free.
  bool may_start(std::string_view line) const override {
    if (line.find('|') != std::string_view::npos || line.find('\x1b') != std::string_view::npos) {
      return true;
    }
    const std::string_view plain = trim_spaces(line);
    if (plain.empty()) return false;
    const char first = plain.front();
    if (first == 'A' || first == 'G' || first == '[') return true;
    // A byte before each compare: every prose line and prefix boundary of plain text gets
    // here (compose's lines may start with any name), and a call per prefix cost more than
    // the rest of the gate.
    const std::string_view progress = without_glyph(plain);
    const char lead = progress.empty() ? '\0' : progress.front();
    if ((lead == 'C' && starts_with(progress, "Container ")) ||
        (lead == 'N' && starts_with(progress, "Network ")) ||
        (lead == 'V' && starts_with(progress, "Volume "))) {
      return true;
    }
    std::size_t name_end = 0;  // "<name> exited with code N": the name is the first word
    while (name_end < plain.size() && is_name_char(plain[name_end])) ++name_end;
    const std::string_view after = plain.substr(name_end);
    return name_end > 0 && after.size() > 1 && after[1] == 'e' &&
           starts_with(after, " exited with code ");
  }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = skip_sgr(line);
    ComposeParts p;
    if (run(prefix_rule, rest, p)) return container_line(p.name, rest, event);
    return compose_line(line, event);
  }

 private:
  static LineVerdict container_line(std::string_view name, std::string_view rest, Event& event) {
    // `PM2      | ` is pm2 logs' daemon prefix, not a compose service.
    if (name == "PM2") return LineVerdict::no_match;
    rest = skip_sgr(rest, true);
    std::string_view stamp;
    std::string_view after = rest;
    if (parse_nano_stamp(after, event.time, stamp) && (after.empty() || after.front() == ' ')) {
      event.time_text.assign(stamp);
      rest = after.empty() ? after : after.substr(1);
    }
    event.unit.assign(name);
    event.message.assign(rest);
    event.source = classify_source("", event.unit, SourceKind::app);
    return LineVerdict::record;
  }

  // Compose's own status lines; their colours are compose's, so they are removed.
  static LineVerdict compose_line(std::string_view line, Event& event) {
    // Most lines offered here (peeling tries every message) carry no escape: don't copy them.
    std::string text;
    std::string_view plain = line;
    if (line.find('\x1b') != std::string_view::npos) {
      text = strip_sgr(line);
      plain = text;
    }
    plain = trim_spaces(plain);
    if (!read_compose_status(plain, event)) return LineVerdict::no_match;
    event.message.assign(plain);
    event.source = SourceKind::docker;
    return LineVerdict::record;
  }
};

}  // namespace

void add_compose_parser(ParserRegistry& registry) {
  registry.add(kComposeInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<ComposeParser>();
  });
}

}  // namespace logdx::docker
