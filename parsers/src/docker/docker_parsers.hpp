#pragma once
// The docker family's parsers, one per file; register.cpp adds them all.

#include "logdx/parsers/parser_registry.hpp"

namespace logdx::docker {

void add_timestamps_parser(ParserRegistry& registry);  // docker logs -t
void add_compose_parser(ParserRegistry& registry);     // docker compose logs / up
void add_json_file_parser(ParserRegistry& registry);   // json-file logging driver
void add_events_parser(ParserRegistry& registry);      // docker events
void add_ps_parser(ParserRegistry& registry);          // docker ps table

}  // namespace logdx::docker
