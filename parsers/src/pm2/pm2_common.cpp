// The daemon-line grammar and the facts in daemon messages, in Boost.Spirit X3. Each message
// shape is one small rule whose semantic actions write into locals; the messages come from
// pm2's God/ActionMethods/Worker code and are stable across pm2 5..7.

#include "pm2/pm2_common.hpp"

#include <boost/spirit/home/x3.hpp>
#include <string>

#include "grammar/time.hpp"
#include "logdx/parsers/source_classifier.hpp"

namespace logdx::pm2 {
namespace {

namespace x3 = boost::spirit::x3;

// Semantic action: the matched range (from x3::raw) as a view into the input.
auto capture(std::string_view& out) {
  return [&out](auto& ctx) {
    auto& range = x3::_attr(ctx);
    out = std::string_view(range.begin(), static_cast<std::size_t>(range.size()));
  };
}

// Semantic action: the attribute itself.
template <typename T>
auto store(T& out) {
  return [&out](auto& ctx) { out = x3::_attr(ctx); };
}

template <typename Rule>
bool parse_all(std::string_view text, const Rule& rule) {
  const char* first = text.data();
  const char* const last = text.data() + text.size();
  return x3::parse(first, last, rule) && first == last;
}

template <typename Rule>
bool parse_prefix(std::string_view text, const Rule& rule) {
  const char* first = text.data();
  return x3::parse(first, text.data() + text.size(), rule);
}

const auto word = +(x3::char_ - ' ');
const auto bracketed = +(x3::char_ - ']');
const x3::uint_parser<unsigned long> pm_id_digits;

// `App [name:id] rest`: the name may itself hold ':' so the id is after the last one.
bool annotate_app_event(std::string_view message, Event& event) {
  std::string_view inside, rest;
  if (!parse_prefix(message, x3::lit("App [") >> x3::raw[bracketed][capture(inside)] >> "] " >>
                                 x3::raw[*x3::char_][capture(rest)])) {
    return false;
  }
  const auto colon = inside.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == inside.size()) return false;
  event.app.assign(inside.substr(0, colon));
  event.set_field("pm_id", inside.substr(colon + 1));

  // The code is "null" when a signal ended the process before it could exit.
  std::string_view code, signal, mode;
  if (parse_all(rest, x3::lit("exited with code [") >> x3::raw[bracketed][capture(code)] >>
                          "] via signal [" >> x3::raw[bracketed][capture(signal)] >> ']')) {
    event.set_field("event", "exit");
    if (code != "null" && code != "undefined") event.set_field("exit_code", code);
    if (signal != "null" && signal != "undefined") event.set_field("signal", signal);
  } else if (parse_all(rest, x3::lit("starting in -") >>
                                 x3::raw[+(x3::char_ - ' ')][capture(mode)] >> " mode-")) {
    event.set_field("event", "starting");
    event.set_field("mode", mode);
  } else if (rest == "online") {
    event.set_field("event", "online");
  }
  return true;
}

// The other daemon messages that name an app or a pm id.
void annotate_other(std::string_view message, Event& event) {
  std::string_view name, script;
  unsigned long id = 0, restarts = 0, current = 0, limit = 0;
  if (parse_prefix(message,
                   x3::lit("Script ") >> x3::raw[+(x3::char_ - " had too many")][capture(script)] >>
                       " had too many unstable restarts (" >> x3::ulong_[store(restarts)] >> ")")) {
    event.set_field("event", "errored");
    event.set_field("status", "errored");
    event.set_field("script", script);
    event.set_field("unstable_restarts", std::to_string(restarts));
  } else if (parse_all(message, x3::lit("Stopping app:") >> x3::raw[word][capture(name)] >>
                                    " id:" >> pm_id_digits[store(id)])) {
    event.app.assign(name);
    event.set_field("pm_id", std::to_string(id));
    event.set_field("event", "stopping");
  } else if (parse_all(message, x3::lit("app=") >> x3::raw[word][capture(name)] >> " id=" >>
                                    pm_id_digits[store(id)] >> " does not have a pid")) {
    event.app.assign(name);
    event.set_field("pm_id", std::to_string(id));
  } else if (parse_all(message, x3::lit("Process ") >> pm_id_digits[store(id)] >>
                                    " in a stopped status, starting it")) {
    event.set_field("pm_id", std::to_string(id));
  } else if (parse_prefix(message, x3::lit("[PM2][WORKER] Process ") >> pm_id_digits[store(id)] >>
                                       " restarted because it exceeds --max-memory-restart value "
                                       "(current_memory=" >>
                                       x3::ulong_[store(current)] >> " max_memory_limit=" >>
                                       x3::ulong_[store(limit)])) {
    event.set_field("pm_id", std::to_string(id));
    event.set_field("event", "max_memory_restart");
    event.set_field("current_memory", std::to_string(current));
    event.set_field("max_memory_limit", std::to_string(limit));
  } else if (message.substr(0, 26) == "--- New PM2 Daemon started") {
    event.set_field("event", "daemon_start");
  }
}

}  // namespace

bool is_rule(std::string_view text) {
  return text.size() >= 10 && text.find_first_not_of('=') == std::string_view::npos;
}

void set_daemon_identity(Event& event) {
  event.source = SourceKind::pm2;
  event.process = "PM2";
}

void annotate_daemon_message(std::string_view message, Event& event) {
  if (!annotate_app_event(message, event)) annotate_other(message, event);
}

DaemonBody parse_daemon_body(std::string_view body, bool stamp_optional, Event& event) {
  std::string_view rest = body;
  Timestamp time;
  std::string_view stamp;
  const bool stamped = grammar::iso8601(rest, time, stamp) && rest.substr(0, 2) == ": ";
  if (stamped) {
    rest.remove_prefix(2);
  } else {
    if (!stamp_optional) return DaemonBody::none;
    rest = body;
  }
  std::string_view level_word, message;
  // "PM2 log: text"; pm2 writes "PM2 error: " through console.error.
  if (!parse_all(rest, x3::lit("PM2 ") >> x3::raw[+x3::char_('a', 'z')][capture(level_word)] >>
                           ':' >> -(x3::lit(' ') >> x3::raw[*x3::char_][capture(message)]))) {
    return DaemonBody::none;
  }
  if (is_rule(message)) return DaemonBody::rule;
  if (stamped) {
    event.time = time;
    event.time_text.assign(stamp);
  }
  event.level = level_word == "log" ? Level::info : level_from_string(level_word);
  event.message.assign(message);
  set_daemon_identity(event);
  annotate_daemon_message(message, event);
  return DaemonBody::message;
}

void set_app_origin(Event& event, std::string_view app, std::string_view pm_id,
                    std::string_view stream) {
  event.app.assign(app);
  event.source = classify_source("", app, SourceKind::app);
  if (!pm_id.empty()) event.set_field("pm_id", pm_id);
  if (!stream.empty()) event.set_field("stream", stream);
}

std::string_view stream_from_type(std::string_view type) {
  if (type == "out" || type == "stdout") return "stdout";
  if (type == "err" || type == "error" || type == "stderr") return "stderr";
  return {};
}

}  // namespace logdx::pm2
