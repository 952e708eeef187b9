// Registers the docker envelope parsers. (Filled in by the docker family's parsers.)
#include "logdx/parsers/parser_registry.hpp"

namespace logdx {

void register_docker_parsers(ParserRegistry& /*registry*/) {}

}  // namespace logdx
