// `logdx parse`: the events the parsers produce, as JSON lines, so a user can see what the
// reading phase made of their logs before any rule runs.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "commands.hpp"
#include "event_json.hpp"
#include "format_registry.hpp"
#include "input_options.hpp"

namespace logdx::cli {

CommandRunner add_parse_command(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  CLI::App* command =
      app.add_subcommand("parse", "print the events the parsers make of the inputs, as JSON lines");
  options->add_to(*command);
  command->footer(
      "Examples:\n"
      "  logdx parse /var/log/syslog\n"
      "  journalctl -u openclaw-gateway -o short-iso | logdx parse\n"
      "  logdx parse --parser pm2-logs ~/.pm2/pm2.log | jq .message");
  return [command, options]() {
    if (!command->parsed()) return -1;
    const auto registry = registry_with_default_formats();
    std::string buffer;
    auto flush = [&buffer]() {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    };
    const ReadOutcome outcome = read_inputs(*options, registry, [&](Event&& event, std::size_t) {
      append_event_json(buffer, event);
      buffer.push_back('\n');
      if (buffer.size() > (1 << 16)) flush();
    });
    flush();
    std::fflush(stdout);
    return outcome.had_error ? 2 : 0;
  };
}

}  // namespace logdx::cli
