#pragma once
// The proxy family's parsers (nginx, Caddy v2 and v1): one adder per parser file, called by
// register_proxy_parsers() so that each parser keeps its ParserInfo and factory to itself.

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::proxy {

void add_nginx_error_parser(ParserRegistry& registry);
void add_nginx_access_parser(ParserRegistry& registry);
void add_caddy_json_parser(ParserRegistry& registry);
void add_caddy_console_parser(ParserRegistry& registry);
void add_caddy_v1_parser(ParserRegistry& registry);

}  // namespace logdx::proxy
