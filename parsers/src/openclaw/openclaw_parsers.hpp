#pragma once
// The openclaw family: one add_* per parser file, called by register_openclaw_parsers.

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::openclaw {

void add_console_parser(ParserRegistry& registry);
void add_gateway_wrapper_parser(ParserRegistry& registry);
void add_file_json_parser(ParserRegistry& registry);
void add_logs_plain_parser(ParserRegistry& registry);
void add_logs_json_parser(ParserRegistry& registry);
void add_cli_parser(ParserRegistry& registry);

}  // namespace logdx::openclaw
