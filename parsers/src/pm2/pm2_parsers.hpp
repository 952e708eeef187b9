#pragma once
// The pm2 family's parsers, one registration function per parser (each in its own .cpp);
// register.cpp calls them all from register_pm2_parsers().

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::pm2 {

void register_logs_parser(ParserRegistry& registry);      // pm2-logs
void register_json_parser(ParserRegistry& registry);      // pm2-json
void register_format_parser(ParserRegistry& registry);    // pm2-format
void register_daemon_parser(ParserRegistry& registry);    // pm2-daemon
void register_app_time_parser(ParserRegistry& registry);  // pm2-app-time
void register_app_json_parser(ParserRegistry& registry);  // pm2-app-json
void register_ls_parser(ParserRegistry& registry);        // pm2-ls

}  // namespace logdx::pm2
