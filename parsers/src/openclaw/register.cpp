// Registers the openclaw envelope parsers: the gateway's console, its JSON-lines file log,
// `openclaw logs --plain/--json`, desktop wrappers' "[Gateway stderr]" prefix, and CLI output.
#include "openclaw/openclaw_parsers.hpp"

namespace logdx {

void register_openclaw_parsers(ParserRegistry& registry) {
  openclaw::add_console_parser(registry);
  openclaw::add_gateway_wrapper_parser(registry);
  openclaw::add_file_json_parser(registry);
  openclaw::add_logs_plain_parser(registry);
  openclaw::add_logs_json_parser(registry);
  openclaw::add_cli_parser(registry);
}

}  // namespace logdx
