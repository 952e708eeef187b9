// `docker events`: `<RFC 3339 nano stamp> <type> <action> <id> (k=v, k=v, ...)`. The action
// may carry a detail after ": " (`health_status: unhealthy`, `exec_create: /bin/sh -c ...`),
// so the id is found as the last word before the attribute list. These are Docker's own
// lines: source docker, the container name as unit.

#include <array>
#include <memory>

#include "core/line_shape.hpp"
#include "docker/docker_parsers.hpp"
#include "docker/docker_text.hpp"

namespace logdx::docker {
namespace {

// Above docker-timestamps, which would take these lines as plain container output.
const ParserInfo kEventsInfo{"docker-events",
                             "docker events: `ts container die <id> (exitCode=1, name=...)`",
                             SourceKind::docker, 75, false};

constexpr std::array<std::string_view, 11> kObjectTypes = {
    "container", "image", "volume", "network", "daemon", "plugin",
    "service",   "node",  "secret", "config",  "builder"};

// Attribute keys renamed into the common field vocabulary; the rest are kept as written.
struct KeyMap {
  std::string_view attribute;
  std::string_view field;
};
constexpr std::array<KeyMap, 4> kKeyMap = {{{"exitCode", "exit_code"},
                                            {"com.docker.compose.service", "service"},
                                            {"com.docker.compose.project", "project"},
                                            {"execDuration", "exec_duration"}}};

bool is_object_type(std::string_view word) {
  for (auto t : kObjectTypes) {
    if (t == word) return true;
  }
  return false;
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '/';
}

// Where " (k=" opens the attribute list of a line that ends with ")", or npos.
std::size_t attributes_start(std::string_view rest) {
  if (rest.empty() || rest.back() != ')') return std::string_view::npos;
  for (std::size_t at = rest.find(" ("); at != std::string_view::npos;
       at = rest.find(" (", at + 1)) {
    std::size_t i = at + 2;
    while (i < rest.size() && is_key_char(rest[i])) ++i;
    if (i > at + 2 && i < rest.size() && rest[i] == '=') return at;
  }
  return std::string_view::npos;
}

std::string_view field_name(std::string_view key) {
  for (const auto& m : kKeyMap) {
    if (m.attribute == key) return m.field;
  }
  return key;
}

void read_attributes(std::string_view list, Event& event) {
  while (!list.empty()) {
    const std::size_t comma = list.find(", ");
    const std::string_view pair = list.substr(0, comma);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos) {
      const std::string_view key = pair.substr(0, eq);
      const std::string_view value = pair.substr(eq + 1);
      if (key == "name") {
        event.unit.assign(value);
      } else {
        event.set_field(field_name(key), value);
      }
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 2);
  }
}

// `<action>[: detail] <id>` between the type and the attributes.
bool read_action(std::string_view middle, std::string_view type, Event& event) {
  const std::size_t last_space = middle.rfind(' ');
  if (last_space == std::string_view::npos || last_space == 0) return false;
  const std::string_view id = middle.substr(last_space + 1);
  std::string_view action = middle.substr(0, last_space);
  if (id.empty() || action.empty()) return false;
  const std::size_t colon = action.find(": ");
  if (colon != std::string_view::npos) {
    const std::string_view detail = action.substr(colon + 2);
    action = action.substr(0, colon);
    event.set_field(action == "health_status" ? "health" : "detail", detail);
  }
  if (action.find(' ') != std::string_view::npos) return false;
  event.set_field("action", action);
  event.set_field(type == "container" ? "container_id" : "object_id", id);
  return true;
}

class EventsParser final : public EnvelopeParser {
 public:
  const ParserInfo& info() const override { return kEventsInfo; }
  bool may_start(std::string_view line) const override { return starts_with_digit(line); }
  StartBytes start_bytes() const override { return StartBytes{}.add_digits(); }

  LineVerdict parse_line(std::string_view line, Event& event, Event*) override {
    std::string_view rest = line;
    std::string_view stamp;
    if (!parse_nano_stamp(rest, event.time, stamp) || rest.empty() || rest.front() != ' ') {
      return LineVerdict::no_match;
    }
    rest.remove_prefix(1);
    const std::size_t space = rest.find(' ');
    const std::string_view type = rest.substr(0, space);
    if (space == std::string_view::npos || !is_object_type(type)) return LineVerdict::no_match;
    event.set_field("object", type);
    std::string_view middle = rest.substr(space + 1);
    const std::size_t attrs = attributes_start(middle);
    if (attrs != std::string_view::npos) {
      read_attributes(middle.substr(attrs + 2, middle.size() - attrs - 3), event);
      middle = middle.substr(0, attrs);
    }
    // Without attributes the id is the last word of the line.
    if (!read_action(middle, type, event)) return LineVerdict::no_match;
    event.time_text.assign(stamp);
    event.message.assign(rest);
    event.source = SourceKind::docker;
    return LineVerdict::record;
  }
};

}  // namespace

void add_events_parser(ParserRegistry& registry) {
  registry.add(kEventsInfo, [](const ParserOptions&) -> std::unique_ptr<EnvelopeParser> {
    return std::make_unique<EventsParser>();
  });
}

}  // namespace logdx::docker
